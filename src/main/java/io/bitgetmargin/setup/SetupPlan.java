package io.bitgetmargin.setup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.bitgetmargin.bitget.SetFuturesLeverageRequest;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.LeverageUnknownException;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.UnifiedSettings;

/**
 * What a setup has to send, from the symbol's settings now and the settings asked for. Pure: the order of the steps,
 * which of them differ, and the leverage bodies for the mode and position mode the symbol will have when they arrive.
 * <p>
 * Why the leverage is compared with the value of the <em>target</em> mode: Bitget keeps a cross leverage and an
 * isolated leverage per side side by side, and switching the mode does not carry one over to the other, so after a
 * switch the stored value of the new mode is the one in force. Why these bodies (SETUP.md §1.1, the {@code holdSide}
 * matrix): the classic set-leverage acts on the symbol's current mode; crossed takes one {@code leverage}; isolated in
 * one-way mode takes one {@code leverage} and no {@code holdSide} (assumed to set both sides, SETUP.md §12.1, which the
 * read-back checks); isolated in hedge mode takes one call per side with {@code holdSide}, the form both versions of
 * Bitget's page document, where a call without it is refused with 40808.
 */
final class SetupPlan {

    /** One leverage call and the settings it changes. */
    record FuturesLeverageCall(SetFuturesLeverageRequest body, List<Setting> covers) {
    }

    private SetupPlan() {
    }

    /**
     * A classic symbol's steps, position mode first.
     *
     * @throws InvalidRequestException when per-side leverage is asked where it does not exist
     */
    static List<SetupStep> classic(DesiredSetup desired, SymbolSettings now) {
        List<SetupStep> steps = new ArrayList<>();
        if (desired.posMode() != null) {
            steps.add(step(Setting.POSITION_MODE, now, desired.posMode().wireName(), false));
        }
        if (desired.marginMode() != null) {
            steps.add(step(Setting.MARGIN_MODE, now, desired.marginMode().wireName(), false));
        }
        if (!desired.asksLeverage()) {
            return steps;
        }
        MarginMode mode = desired.marginMode() != null ? desired.marginMode() : now.marginMode();
        PositionMode posMode = desired.posMode() != null ? desired.posMode() : now.posMode();
        if (mode == MarginMode.CROSSED) {
            refusePerSide(desired, "the symbol will be crossed, which has one leverage for both sides");
            steps.add(step(Setting.LEVERAGE, now, SymbolSettings.text(desired.leverage()), false));
        } else if (posMode == PositionMode.ONE_WAY) {
            refusePerSide(desired, "the symbol will be in one-way mode, which holds one position at a time");
            steps.add(step(Setting.LONG_LEVERAGE, now, SymbolSettings.text(desired.leverage()), false));
            steps.add(step(Setting.SHORT_LEVERAGE, now, SymbolSettings.text(desired.leverage()), false));
        } else {
            BigDecimal longSide = desired.longLeverage() != null ? desired.longLeverage() : desired.leverage();
            BigDecimal shortSide = desired.shortLeverage() != null ? desired.shortLeverage() : desired.leverage();
            if (longSide != null) {
                steps.add(step(Setting.LONG_LEVERAGE, now, SymbolSettings.text(longSide), false));
            }
            if (shortSide != null) {
                steps.add(step(Setting.SHORT_LEVERAGE, now, SymbolSettings.text(shortSide), false));
            }
        }
        return steps;
    }

    /** The classic set-leverage calls for the leverage steps that differ, in the order long, short. */
    static List<FuturesLeverageCall> classicLeverageCalls(DesiredSetup desired, SymbolSettings now,
            List<SetupStep> steps) {
        MarginMode mode = desired.marginMode() != null ? desired.marginMode() : now.marginMode();
        PositionMode posMode = desired.posMode() != null ? desired.posMode() : now.posMode();
        List<FuturesLeverageCall> calls = new ArrayList<>();
        List<SetupStep> differing = steps.stream().filter(SetupStep::needsChange)
                .filter(step -> step.setting() == Setting.LEVERAGE || step.setting() == Setting.LONG_LEVERAGE
                        || step.setting() == Setting.SHORT_LEVERAGE)
                .toList();
        if (differing.isEmpty()) {
            return calls;
        }
        if (mode == MarginMode.CROSSED || posMode == PositionMode.ONE_WAY) {
            // One call changes the cross value, or in one-way isolated mode both sides.
            List<Setting> covers = steps.stream().map(SetupStep::setting)
                    .filter(setting -> setting != Setting.POSITION_MODE && setting != Setting.MARGIN_MODE).toList();
            calls.add(new FuturesLeverageCall(body(desired, differing.get(0).to(), null), covers));
            return calls;
        }
        for (SetupStep step : differing) {
            String side = step.setting() == Setting.LONG_LEVERAGE ? "long" : "short";
            calls.add(new FuturesLeverageCall(body(desired, step.to(), side), List.of(step.setting())));
        }
        return calls;
    }

    /**
     * A unified symbol's steps: position mode (the account's hold mode), margin mode, leverage.
     *
     * @throws InvalidRequestException for per-side leverage, which a unified account's settings cannot show
     */
    static List<SetupStep> unified(DesiredSetup desired, SymbolSettings now) {
        if (desired.asksPerSide()) {
            throw new InvalidRequestException(desired.longLeverage() != null ? "longLeverage" : "shortLeverage",
                    "is for classic accounts: a unified account's settings report one leverage per symbol, so a "
                            + "leverage per side could not be read back (SETUP.md §12.11); use leverage");
        }
        List<SetupStep> steps = new ArrayList<>();
        if (desired.posMode() != null) {
            steps.add(step(Setting.POSITION_MODE, now, desired.posMode().wireName(), true));
        }
        if (desired.marginMode() != null) {
            steps.add(step(Setting.MARGIN_MODE, now, desired.marginMode().wireName(), true));
        }
        if (desired.leverage() != null) {
            steps.add(step(Setting.LEVERAGE, now, SymbolSettings.text(desired.leverage()), true));
        }
        return steps;
    }

    /**
     * The unified set-leverage calls, which carry the margin mode and the leverage together; none when neither differs.
     *
     * @throws LeverageUnknownException when the margin mode changes, no leverage was asked for, and Bitget lists none
     */
    static List<SetLeverageRequest> unifiedCalls(DesiredSetup desired, SymbolSettings now, List<SetupStep> steps) {
        boolean differs = steps.stream().filter(SetupStep::needsChange)
                .anyMatch(step -> step.setting() == Setting.MARGIN_MODE || step.setting() == Setting.LEVERAGE);
        if (!differs) {
            return List.of();
        }
        BigDecimal leverage = desired.leverage() != null ? desired.leverage() : now.leverage();
        if (leverage == null) {
            throw new LeverageUnknownException(desired.symbol(), desired.productType());
        }
        MarginMode mode = desired.marginMode() != null ? desired.marginMode() : now.marginMode();
        PositionMode posMode = desired.posMode() != null ? desired.posMode() : now.posMode();
        return UnifiedSettings.setLeverageCalls(desired.target(), mode, leverage.stripTrailingZeros(),
                posMode == PositionMode.HEDGE);
    }

    /**
     * The steps with the position-mode step as its product type (or account) decided it: that step is written once
     * for all their symbols ({@link PositionModeWrite}), so a symbol reports the shared decision, not its own.
     */
    static List<SetupStep> withPositionStep(List<SetupStep> steps, SetupStep posStep) {
        if (posStep == null) {
            return steps;
        }
        return steps.stream().map(step -> step.setting() == Setting.POSITION_MODE ? posStep : step).toList();
    }

    private static SetupStep step(Setting setting, SymbolSettings now, String to, boolean unified) {
        return new SetupStep(setting, now.valueOf(setting, unified), to, null, null);
    }

    private static SetFuturesLeverageRequest body(DesiredSetup desired, String leverage, String holdSide) {
        return new SetFuturesLeverageRequest(desired.symbol(), desired.productType().wireName(), desired.marginCoin(),
                leverage, holdSide);
    }

    private static void refusePerSide(DesiredSetup desired, String why) {
        if (desired.asksPerSide()) {
            throw new InvalidRequestException(desired.longLeverage() != null ? "longLeverage" : "shortLeverage",
                    "applies to isolated margin in hedge mode only, and " + why + "; use leverage");
        }
    }
}
