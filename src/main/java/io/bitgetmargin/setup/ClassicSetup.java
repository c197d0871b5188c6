package io.bitgetmargin.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.bitget.SetPositionModeRequest;
import io.bitgetmargin.margin.BatchConfig;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeTarget;
import io.bitgetmargin.setup.PositionModeWrite.Decided;
import io.bitgetmargin.setup.StepRun.Action;
import io.bitgetmargin.tracing.NestedSpans;
import io.smallrye.mutiny.Uni;

/**
 * Applies the setup of one product type's symbols on a classic account, in Bitget's order: the position mode once for
 * the product type (decided by the first symbol read), then each symbol side by side, its margin mode, then its
 * leverage, then a read of its account to confirm ({@link ReadBack}).
 */
@ApplicationScoped
class ClassicSetup {

    private final BitgetClient bitget;
    private final BatchConfig batch;
    /** Each symbol's own calls under a span of its own. */
    private final NestedSpans spans;

    ClassicSetup(BitgetClient bitget, BatchConfig batch, NestedSpans spans) {
        this.bitget = bitget;
        this.batch = batch;
        this.spans = spans;
    }

    /**
     * The symbols of one product type: the first one read decides the position-mode step, which is sent once. A
     * setup that its own settings make invalid (per-side leverage where the symbol will have one leverage) is refused
     * before that write, so that a refused request has sent nothing. Fails only when Bitget refuses the classic API,
     * so that the caller runs it again on the unified one.
     *
     * @param firstWait the longest wait for the first read (null: the configured one); later calls wait as a batch's
     */
    Uni<List<SetupItem>> apply(String account, List<DesiredSetup> group, boolean dryRun, Duration firstWait) {
        Map<String, SetupItem> failedReads = new ConcurrentHashMap<>();
        return firstRead(account, group, 0, firstWait, failedReads)
                .chain(first -> afterFirstRead(account, group, first, failedReads, dryRun));
    }

    /** Plans the position-mode step from the first symbol read, writes it when it must, then runs the symbols. */
    private Uni<List<SetupItem>> afterFirstRead(String account, List<DesiredSetup> group, FirstRead first,
            Map<String, SetupItem> failedReads, boolean dryRun) {
        List<SetupItem> items = new ArrayList<>(failedReads.values());
        if (first == null) {
            return Uni.createFrom().item(items);
        }
        DesiredSetup firstSetup = group.get(first.index());
        List<DesiredSetup> others = group.subList(first.index() + 1, group.size());
        DesiredSetup firstToRun = firstSetup;
        try {
            SetupPlan.classic(firstSetup, first.settings());
        } catch (RuntimeException invalid) {
            items.add(new SetupItem(firstSetup.symbol(), null, invalid));
            firstToRun = null;
        }
        SetupStep posStep = PositionModeWrite.step(firstSetup.posMode(),
                first.settings().valueOf(Setting.POSITION_MODE, false));
        if (!PositionModeWrite.mustWrite(posStep, dryRun)) {
            return symbols(account, firstToRun, first.settings(), first.settings(), others,
                    PositionModeWrite.unwritten(posStep), dryRun).map(done -> SetupReport.concat(items, done));
        }
        if (firstToRun == null && others.isEmpty()) {
            return Uni.createFrom().item(items);
        }
        DesiredSetup firstAfterWrite = firstToRun;
        return writePositionMode(account, firstSetup, posStep)
                .chain(decided -> afterPositionMode(account, firstAfterWrite, first.settings(), others, decided))
                .map(done -> SetupReport.concat(items, done));
    }

    /** The one position-mode write of the product type; a write without an answer is decided by reading again. */
    private Uni<Decided> writePositionMode(String account, DesiredSetup firstSetup, SetupStep posStep) {
        PositionMode posMode = firstSetup.posMode();
        SetPositionModeRequest request = new SetPositionModeRequest(firstSetup.productType().wireName(),
                posMode.wireName());
        return PositionModeWrite.write(posStep, bitget.setPositionMode(account, request, batch.maxWaitPerCall()),
                () -> showsPositionMode(account, firstSetup.target(), posMode));
    }

    private Uni<Boolean> showsPositionMode(String account, MarginModeTarget target, PositionMode posMode) {
        return read(account, target, batch.maxWaitPerCall()).map(readAgain -> readAgain.posMode() == posMode);
    }

    /** The symbols after the position-mode write: all skipped when it was refused, else each read anew and run. */
    private Uni<List<SetupItem>> afterPositionMode(String account, DesiredSetup first, SymbolSettings firstBefore,
            List<DesiredSetup> others, Decided decided) {
        if (decided.refusal() != null) {
            List<SetupItem> refused = new ArrayList<>();
            if (first != null) {
                refused.add(SetupReport.skippedAfter(first, firstBefore, decided.step(), decided.refusal(),
                        AccountType.CLASSIC));
            }
            for (DesiredSetup setup : others) {
                refused.add(SetupReport.skippedAfter(setup, null, decided.step(), decided.refusal(),
                        AccountType.CLASSIC));
            }
            return Uni.createFrom().item(refused);
        }
        // Everything is read again: the switch may have reset what the first read showed.
        return symbols(account, first, null, firstBefore, others, decided.step(), false);
    }

    private record FirstRead(int index, SymbolSettings settings) {
    }

    /**
     * Reads the symbols in order until one answers; those that fail before it are done (failed). A refusal of the
     * classic API fails the whole run, so that it runs again on the unified one.
     */
    private Uni<FirstRead> firstRead(String account, List<DesiredSetup> group, int index, Duration firstWait,
            Map<String, SetupItem> failed) {
        if (index >= group.size()) {
            return Uni.createFrom().nullItem();
        }
        DesiredSetup setup = group.get(index);
        return read(account, setup.target(), firstWait).map(settings -> new FirstRead(index, settings))
                .onFailure(failure -> !BitgetAccountTypes.isWrongAccountType(failure)).recoverWithUni(failure -> {
                    failed.put(setup.symbol(), new SetupItem(setup.symbol(), null, failure));
                    return firstRead(account, group, index + 1, batch.maxWaitPerCall(), failed);
                });
    }

    /** The first symbol (its settings known unless the position mode was just written) and the others, side by side. */
    private Uni<List<SetupItem>> symbols(String account, DesiredSetup first, SymbolSettings firstKnown,
            SymbolSettings firstBefore, List<DesiredSetup> others, SetupStep posStep, boolean dryRun) {
        List<Uni<SetupItem>> symbols = new ArrayList<>();
        if (first != null) {
            symbols.add(traced(first, symbol(account, first, firstKnown, firstBefore, posStep, dryRun)));
        }
        others.forEach(setup -> symbols.add(traced(setup, symbol(account, setup, null, null, posStep, dryRun))));
        return symbols.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(symbols).andFailFast();
    }

    private Uni<SetupItem> traced(DesiredSetup setup, Uni<SetupItem> work) {
        return spans.symbol(setup.symbol(), work, item -> item.outcome().name());
    }

    /**
     * One classic symbol after its product type's position-mode step: read (unless known), plan, margin mode, then
     * leverage, then read back. Never fails: every failure becomes the item's.
     */
    private Uni<SetupItem> symbol(String account, DesiredSetup desired, SymbolSettings known,
            SymbolSettings reportedBefore, SetupStep posStep, boolean dryRun) {
        Uni<SymbolSettings> read = known != null ? Uni.createFrom().item(known)
                : read(account, desired.target(), batch.maxWaitPerCall());
        return read.chain(now -> steps(account, desired, reportedBefore != null ? reportedBefore : now, now, posStep,
                        dryRun))
                .onFailure().recoverWithItem(failure -> SetupReport.failedAfter(desired, posStep, failure,
                        AccountType.CLASSIC));
    }

    /** Plans the symbol's steps from its settings {@code now}, sends them in order, then confirms them. */
    private Uni<SetupItem> steps(String account, DesiredSetup desired, SymbolSettings before, SymbolSettings now,
            SetupStep posStep, boolean dryRun) {
        StepRun run = new StepRun(SetupPlan.withPositionStep(SetupPlan.classic(desired, now), posStep));
        if (dryRun) {
            return Uni.createFrom().item(run.dryRun(desired, AccountType.CLASSIC, before));
        }
        return run.execute(actions(account, desired, now, run))
                .chain(() -> confirm(account, desired, run, before, now));
    }

    /** The calls of the steps to send: the margin mode, then the leverage. */
    private List<Action> actions(String account, DesiredSetup desired, SymbolSettings now, StepRun run) {
        Duration wait = batch.maxWaitPerCall();
        List<Action> actions = new ArrayList<>();
        Optional<SetupStep> marginMode = run.step(Setting.MARGIN_MODE).filter(SetupStep::needsChange);
        if (marginMode.isPresent()) {
            SetMarginModeRequest request = new SetMarginModeRequest(desired.symbol(), desired.productType().wireName(),
                    desired.marginCoin(), marginMode.get().to());
            actions.add(new Action(List.of(Setting.MARGIN_MODE), () -> bitget.setMarginMode(account, request, wait)));
        }
        for (SetupPlan.FuturesLeverageCall call : SetupPlan.classicLeverageCalls(desired, now, run.steps())) {
            actions.add(new Action(call.covers(), () -> bitget.setFuturesLeverage(account, call.body(), wait)));
        }
        return actions;
    }

    /** Reads the symbol back when anything was sent; a read-back that fails leaves the steps unconfirmed. */
    private Uni<SetupItem> confirm(String account, DesiredSetup desired, StepRun run, SymbolSettings before,
            SymbolSettings now) {
        if (!run.sent()) {
            return Uni.createFrom().item(ReadBack.confirmed(run, desired, AccountType.CLASSIC, before, now, false));
        }
        return read(account, desired.target(), batch.maxWaitPerCall())
                .map(after -> ReadBack.confirmed(run, desired, AccountType.CLASSIC, before, after, false))
                .onFailure().recoverWithItem(readBackFailure -> ReadBack.unconfirmed(run, desired, AccountType.CLASSIC,
                        before, readBackFailure));
    }

    private Uni<SymbolSettings> read(String account, MarginModeTarget target, Duration maxWait) {
        return bitget.account(account, target.symbol(), target.productType().wireName(), target.marginCoin(), maxWait)
                .map(data -> settingsOf(target, data));
    }

    private static SymbolSettings settingsOf(MarginModeTarget target, AccountData data) {
        Optional<MarginMode> mode = data == null ? Optional.empty() : MarginMode.fromWire(data.marginMode());
        Optional<PositionMode> posMode = data == null ? Optional.empty() : PositionMode.parse(data.posMode());
        if (mode.isEmpty() || posMode.isEmpty()) {
            throw new BitgetException.Unavailable("the account answer has no margin mode or position mode for "
                    + target.symbol(), null, false);
        }
        return new SymbolSettings(mode.get(), posMode.get(), data.crossedMarginLeverage(), data.isolatedLongLever(),
                data.isolatedShortLever(), null);
    }
}
