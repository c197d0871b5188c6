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
        return settings(account, firstWait)
                .chain(first -> afterFirstRead(account, valid, first, dryRun))
                .onFailure(failure -> !BitgetAccountTypes.isWrongAccountType(failure))
                .recoverWithItem(failure -> allFailed(valid, failure))
                .map(items -> SetupReport.concat(invalid, items));
    }

    private static List<SetupItem> allFailed(List<DesiredSetup> setups, Throwable failure) {
        List<SetupItem> failed = new ArrayList<>();
        for (DesiredSetup setup : setups) {
            failed.add(new SetupItem(setup.symbol(), null, failure));
        }
        return failed;
    }

    private Uni<List<SetupItem>> afterFirstRead(String account, List<DesiredSetup> valid, UnifiedSettings first,
            boolean dryRun) {
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
        return holdModeThenSymbols(account, valid.get(0).posMode(), checked, first, dryRun)
                .map(done -> SetupReport.concat(refused, done));
    }

    /** The hold mode, written once for the account when it must be, then the symbols. */
    private Uni<List<SetupItem>> holdModeThenSymbols(String account, PositionMode posMode, List<DesiredSetup> checked,
            UnifiedSettings first, boolean dryRun) {
        SymbolSettings any = settingsOf(first, checked.get(0).target());
        SetupStep posStep = PositionModeWrite.step(posMode, any.valueOf(Setting.POSITION_MODE, true));
        if (!PositionModeWrite.mustWrite(posStep, dryRun)) {
            return symbols(account, checked, first, first, PositionModeWrite.unwritten(posStep), dryRun);
        }
        Uni<?> write = bitget.setHoldMode(account, new SetHoldModeRequest(posMode.wireName()), batch.maxWaitPerCall());
        return PositionModeWrite.write(posStep, write, () -> showsHoldMode(account, posMode))
                .chain(decided -> afterHoldMode(account, checked, first, decided));
    }

    private Uni<Boolean> showsHoldMode(String account, PositionMode posMode) {
        return settings(account, batch.maxWaitPerCall())
                .map(readAgain -> posMode.wireName().equalsIgnoreCase(readAgain.holdMode()));
    }

    /** The symbols after the hold-mode write: all skipped when it was refused, else run on the settings read anew. */
    private Uni<List<SetupItem>> afterHoldMode(String account, List<DesiredSetup> checked, UnifiedSettings first,
            Decided decided) {
        if (decided.refusal() != null) {
            return Uni.createFrom().item(skippedAll(checked, first, decided));
        }
        // Read again: the switch may have reset what the first read showed.
        return settings(account, batch.maxWaitPerCall())
                .chain(readAgain -> symbols(account, checked, first, readAgain, decided.step(), false))
                .onFailure().recoverWithItem(readFailure -> unconfirmedAll(checked, first, decided, readFailure));
    }

    private static List<SetupItem> skippedAll(List<DesiredSetup> checked, UnifiedSettings first, Decided decided) {
        List<SetupItem> skipped = new ArrayList<>();
        for (DesiredSetup setup : checked) {
            skipped.add(SetupReport.skippedAfter(setup, settingsOf(first, setup.target()), decided.step(),
                    decided.refusal(), AccountType.UNIFIED));
        }
        return skipped;
    }

    private static List<SetupItem> unconfirmedAll(List<DesiredSetup> checked, UnifiedSettings first, Decided decided,
            Throwable readFailure) {
        List<SetupItem> unconfirmed = new ArrayList<>();
        for (DesiredSetup setup : checked) {
            unconfirmed.add(ReadBack.unconfirmed(new StepRun(List.of(decided.step())), setup, AccountType.UNIFIED,
                    settingsOf(first, setup.target()), readFailure));
        }
        return unconfirmed;
    }

    /** The symbols' own steps: planned on the settings {@code now}, sent side by side, confirmed by one read. */
    private Uni<List<SetupItem>> symbols(String account, List<DesiredSetup> setups, UnifiedSettings before,
            UnifiedSettings now, SetupStep posStep, boolean dryRun) {
        Plan plan = plan(setups, before, now, posStep, dryRun);
        return send(account, plan)
                .chain(() -> confirm(account, plan, before, now))
                .map(bySetup -> setups.stream().map(bySetup::get).toList());
    }

    /** Each symbol's item once known (dry run, invalid), else its steps and the set-leverage calls that send them. */
    private record Plan(Map<DesiredSetup, SetupItem> done, Map<DesiredSetup, StepRun> runs,
            Map<DesiredSetup, List<SetLeverageRequest>> calls) {
    }

    private static Plan plan(List<DesiredSetup> setups, UnifiedSettings before, UnifiedSettings now,
            SetupStep posStep, boolean dryRun) {
        Plan plan = new Plan(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (DesiredSetup setup : setups) {
            SymbolSettings current = settingsOf(now, setup.target());
            SymbolSettings reported = settingsOf(before, setup.target());
            try {
                StepRun run = new StepRun(SetupPlan.withPositionStep(SetupPlan.unified(setup, current), posStep));
                List<SetLeverageRequest> calls = SetupPlan.unifiedCalls(setup, current, run.steps());
                if (dryRun) {
                    plan.done().put(setup, run.dryRun(setup, AccountType.UNIFIED, reported));
                    continue;
                }
                plan.runs().put(setup, run);
                plan.calls().put(setup, calls);
            } catch (RuntimeException invalid) {
                plan.done().put(setup, SetupReport.failedAfter(setup, posStep, invalid, AccountType.UNIFIED));
            }
        }
        return plan;
    }

    /** Every symbol's calls at once, each symbol's in order under its span. */
    private Uni<Void> send(String account, Plan plan) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (Map.Entry<DesiredSetup, StepRun> run : plan.runs().entrySet()) {
            sends.add(sendSymbol(account, run.getKey(), run.getValue(), plan.calls().get(run.getKey())));
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> sendSymbol(String account, DesiredSetup setup, StepRun run, List<SetLeverageRequest> calls) {
        Duration wait = batch.maxWaitPerCall();
        List<Setting> covers = List.of(Setting.MARGIN_MODE, Setting.LEVERAGE);
        List<Action> actions = new ArrayList<>();
        for (SetLeverageRequest call : calls) {
            actions.add(new Action(covers, () -> bitget.setLeverage(account, call, wait)));
        }
        return spans.symbol(setup.symbol(), run.execute(actions), sent -> null);
    }

    /** One settings read for every symbol when anything was sent; when it fails, their steps are unconfirmed. */
    private Uni<Map<DesiredSetup, SetupItem>> confirm(String account, Plan plan, UnifiedSettings before,
            UnifiedSettings now) {
        if (plan.runs().values().stream().noneMatch(StepRun::sent)) {
            return Uni.createFrom().item(confirmed(plan, before, now));
        }
        return settings(account, batch.maxWaitPerCall())
                .map(readBack -> confirmed(plan, before, readBack))
                .onFailure().recoverWithItem(readBackFailure -> unconfirmed(plan, before, readBackFailure));
    }

    private static Map<DesiredSetup, SetupItem> confirmed(Plan plan, UnifiedSettings before, UnifiedSettings after) {
        plan.runs().forEach((setup, run) -> plan.done().put(setup, ReadBack.confirmed(run, setup, AccountType.UNIFIED,
                settingsOf(before, setup.target()), settingsOf(after, setup.target()), true)));
        return plan.done();
    }

    private static Map<DesiredSetup, SetupItem> unconfirmed(Plan plan, UnifiedSettings before,
            Throwable readBackFailure) {
        plan.runs().forEach((setup, run) -> plan.done().put(setup, ReadBack.unconfirmed(run, setup,
                AccountType.UNIFIED, settingsOf(before, setup.target()), readBackFailure)));
        return plan.done();
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
