package io.bitgetmargin.setup;

import java.util.ArrayList;
import java.util.List;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.Outcome;

/**
 * The items of symbols that did not get to their own steps: every step asked for is reported, skipped, so that the
 * answer shows what was not done and, when the position mode was written for them, that it was.
 */
final class SetupReport {

    private SetupReport() {
    }

    /**
     * A symbol that failed before its own steps: with the position-mode step when that was written for its product
     * type or account (the symbol has that mode now, and the answer must say so), else with no result.
     */
    static SetupItem failedAfter(DesiredSetup desired, SetupStep posStep, Throwable failure, AccountType type) {
        return posStep != null && posStep.outcome() == StepOutcome.ACCEPTED
                ? skippedAfter(desired, null, posStep, failure, type)
                : new SetupItem(desired.symbol(), null, failure);
    }

    /** A symbol after a refused position-mode step: its other steps skipped, with their current values if read. */
    static SetupItem skippedAfter(DesiredSetup setup, SymbolSettings settings, SetupStep refused, Throwable refusal,
            AccountType type) {
        List<SetupStep> steps = new ArrayList<>();
        steps.add(refused);
        steps.addAll(requested(setup, settings, type == AccountType.UNIFIED));
        return new SetupItem(setup.symbol(), new SymbolSetupResult(setup.symbol(), setup.productType(),
                setup.marginCoin(), type, Outcome.UNCHANGED, settings, settings, List.copyOf(steps)), refusal);
    }

    /** The margin-mode and leverage steps asked for, skipped, with their values when the symbol was read. */
    private static List<SetupStep> requested(DesiredSetup setup, SymbolSettings settings, boolean unified) {
        List<SetupStep> steps = new ArrayList<>();
        if (settings != null) {
            try {
                (unified ? SetupPlan.unified(setup, settings) : SetupPlan.classic(setup, settings)).stream()
                        .filter(step -> step.setting() != Setting.POSITION_MODE)
                        .forEach(step -> steps.add(step.with(StepOutcome.SKIPPED)));
                return steps;
            } catch (RuntimeException invalidForThisSymbol) {
                steps.clear();
            }
        }
        if (setup.marginMode() != null) {
            steps.add(new SetupStep(Setting.MARGIN_MODE, null, setup.marginMode().wireName(), StepOutcome.SKIPPED, null));
        }
        if (setup.leverage() != null) {
            steps.add(new SetupStep(Setting.LEVERAGE, null, SymbolSettings.text(setup.leverage()), StepOutcome.SKIPPED,
                    null));
        }
        if (setup.longLeverage() != null) {
            steps.add(new SetupStep(Setting.LONG_LEVERAGE, null, SymbolSettings.text(setup.longLeverage()),
                    StepOutcome.SKIPPED, null));
        }
        if (setup.shortLeverage() != null) {
            steps.add(new SetupStep(Setting.SHORT_LEVERAGE, null, SymbolSettings.text(setup.shortLeverage()),
                    StepOutcome.SKIPPED, null));
        }
        return steps;
    }

    /** The items of both lists, in order. */
    static List<SetupItem> concat(List<SetupItem> first, List<SetupItem> second) {
        List<SetupItem> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
