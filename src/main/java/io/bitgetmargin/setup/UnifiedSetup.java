package io.bitgetmargin.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.SetHoldModeRequest;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.margin.AccountSwitchingException;
import io.bitgetmargin.margin.BatchConfig;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.MarginModeState;
import io.bitgetmargin.margin.MarginModeTarget;
import io.bitgetmargin.margin.UnifiedSettings;
import io.bitgetmargin.setup.PositionModeWrite.Decided;
import io.bitgetmargin.setup.StepRun.Action;
import io.bitgetmargin.tracing.NestedSpans;
import io.smallrye.mutiny.Uni;

/**
 * Applies a setup on a unified trading account, in Bitget's order: one settings read for all the symbols, the hold
 * mode once for the account, the set-leverage calls (margin mode and leverage in one) of each symbol queued at their
 * lane, and one settings read after them all to confirm ({@link ReadBack}).
 */
@ApplicationScoped
class UnifiedSetup {

    private final BitgetClient bitget;
    private final BitgetAccountTypes accountTypes;
    private final BatchConfig batch;
    /** Each symbol's own calls under a span of its own. */
    private final NestedSpans spans;

    UnifiedSetup(BitgetClient bitget, BitgetAccountTypes accountTypes, BatchConfig batch, NestedSpans spans) {
        this.bitget = bitget;
        this.accountTypes = accountTypes;
        this.batch = batch;
        this.spans = spans;
    }

    /**
     * The symbols of a unified account. Fails only when Bitget refuses the unified API (so that the caller runs it
     * again on the classic one); everything else, the first settings read's failure too, becomes failed items.
     *
     * @param firstWait the longest wait for the first read (null: the configured one); later calls wait as a batch's
     */
    Uni<List<SetupItem>> apply(String account, List<DesiredSetup> setups, boolean dryRun, Duration firstWait) {
        List<SetupItem> invalid = new ArrayList<>();
        List<DesiredSetup> valid = new ArrayList<>();
        for (DesiredSetup setup : setups) {
            if (setup.productType().isSimulated()) {
                invalid.add(new SetupItem(setup.symbol(), null,
                        InvalidRequestException.simulatedProductTypeOnUnified(setup.productType())));
            } else {
                valid.add(setup);
            }
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(invalid);
        }
        Duration wait = batch.maxWaitPerCall();
        PositionMode posMode = valid.get(0).posMode();
        return settings(account, firstWait).flatMap(first -> {
            // What the settings make invalid is refused before the hold-mode write, so that it sends nothing.
            List<SetupItem> refused = new ArrayList<>();
            List<DesiredSetup> checked = new ArrayList<>();
            for (DesiredSetup setup : valid) {
                SymbolSettings now = settingsOf(first, setup.target());
                try {
                    SetupPlan.unifiedCalls(setup, now, SetupPlan.unified(setup, now));
                    checked.add(setup);
                } catch (RuntimeException invalidHere) {
                    refused.add(new SetupItem(setup.symbol(), null, invalidHere));
                }
            }
            if (checked.isEmpty()) {
                return Uni.createFrom().item(refused);
            }
            SymbolSettings any = settingsOf(first, checked.get(0).target());
            SetupStep posStep = PositionModeWrite.step(posMode, any.valueOf(Setting.POSITION_MODE, true));
            if (!PositionModeWrite.mustWrite(posStep, dryRun)) {
                return symbols(account, checked, first, first, PositionModeWrite.unwritten(posStep), dryRun)
                        .map(done -> SetupReport.concat(refused, done));
            }
            Uni<Decided> written = PositionModeWrite.write(posStep,
                    bitget.setHoldMode(account, new SetHoldModeRequest(posMode.wireName()), wait),
                    () -> settings(account, wait).map(again -> posMode.wireName().equalsIgnoreCase(again.holdMode())));
            return written.flatMap(decided -> {
                if (decided.refusal() != null) {
                    return Uni.createFrom().item(SetupReport.concat(refused, checked.stream().map(setup -> SetupReport
                            .skippedAfter(setup, settingsOf(first, setup.target()), decided.step(), decided.refusal(),
                                    AccountType.UNIFIED)).toList()));
                }
                // Read again: the switch may have reset what the first read showed.
                return settings(account, wait)
                        .flatMap(again -> symbols(account, checked, first, again, decided.step(), false))
                        .onFailure().recoverWithItem(readFailure -> checked.stream()
                                .map(setup -> ReadBack.unconfirmed(new StepRun(List.of(decided.step())), setup,
                                        AccountType.UNIFIED, settingsOf(first, setup.target()), readFailure))
                                .toList())
                        .map(done -> SetupReport.concat(refused, done));
            });
        }).onFailure(failure -> !BitgetAccountTypes.isWrongAccountType(failure)).recoverWithItem(failure -> valid.stream()
                .map(setup -> new SetupItem(setup.symbol(), null, failure)).toList())
                .map(items -> SetupReport.concat(invalid, items));
    }

    private Uni<List<SetupItem>> symbols(String account, List<DesiredSetup> setups, UnifiedSettings before,
            UnifiedSettings now, SetupStep posStep, boolean dryRun) {
        Duration wait = batch.maxWaitPerCall();
        Map<DesiredSetup, StepRun> runs = new LinkedHashMap<>();
        Map<DesiredSetup, SetupItem> done = new LinkedHashMap<>();
        List<Uni<Void>> sends = new ArrayList<>();
        for (DesiredSetup setup : setups) {
            SymbolSettings current = settingsOf(now, setup.target());
            SymbolSettings reported = settingsOf(before, setup.target());
            try {
                StepRun run = new StepRun(SetupPlan.withPositionStep(SetupPlan.unified(setup, current), posStep));
                List<SetLeverageRequest> calls = SetupPlan.unifiedCalls(setup, current, run.steps());
                if (dryRun) {
                    done.put(setup, run.dryRun(setup, AccountType.UNIFIED, reported));
                    continue;
                }
                runs.put(setup, run);
                List<Setting> covers = List.of(Setting.MARGIN_MODE, Setting.LEVERAGE);
                List<Action> actions = calls.stream().map(call -> new Action(covers,
                        () -> bitget.setLeverage(account, call, wait))).toList();
                sends.add(spans.symbol(setup.symbol(), run.execute(actions), sent -> null));
            } catch (RuntimeException invalid) {
                done.put(setup, SetupReport.failedAfter(setup, posStep, invalid, AccountType.UNIFIED));
            }
        }
        Uni<Void> sent = sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andFailFast().replaceWithVoid();
        return sent.flatMap(ignored -> {
            boolean anySent = runs.values().stream().anyMatch(StepRun::sent);
            if (!anySent) {
                runs.forEach((setup, run) -> done.put(setup, ReadBack.confirmed(run, setup, AccountType.UNIFIED,
                        settingsOf(before, setup.target()), settingsOf(now, setup.target()), true)));
                return Uni.createFrom().item(done);
            }
            return settings(account, wait).map(readBack -> {
                runs.forEach((setup, run) -> done.put(setup, ReadBack.confirmed(run, setup, AccountType.UNIFIED,
                        settingsOf(before, setup.target()), settingsOf(readBack, setup.target()), true)));
                return done;
            }).onFailure().recoverWithItem(readBackFailure -> {
                runs.forEach((setup, run) -> done.put(setup, ReadBack.unconfirmed(run, setup, AccountType.UNIFIED,
                        settingsOf(before, setup.target()), readBackFailure)));
                return done;
            });
        }).map(bySetup -> setups.stream().map(bySetup::get).toList());
    }

    private Uni<UnifiedSettings> settings(String account, Duration maxWait) {
        return bitget.accountSettings(account, maxWait).map(UnifiedSettings::of)
                .onFailure(AccountSwitchingException.class).invoke(switching -> accountTypes.forget(account));
    }

    private static SymbolSettings settingsOf(UnifiedSettings settings, MarginModeTarget target) {
        MarginModeState state = settings.stateOf(target);
        return new SymbolSettings(state.marginMode(), PositionMode.parse(settings.holdMode()).orElse(null), null, null,
                null, state.leverage());
    }
}
