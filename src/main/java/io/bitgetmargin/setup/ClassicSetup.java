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
        return firstRead(account, group, 0, firstWait, failedReads).flatMap(first -> {
            List<SetupItem> items = new ArrayList<>(failedReads.values());
            if (first == null) {
                return Uni.createFrom().item(items);
            }
            DesiredSetup firstSetup = group.get(first.index());
            List<DesiredSetup> others = group.subList(first.index() + 1, group.size());
            boolean firstValid = true;
            try {
                SetupPlan.classic(firstSetup, first.settings());
            } catch (RuntimeException invalid) {
                items.add(new SetupItem(firstSetup.symbol(), null, invalid));
                firstValid = false;
            }
            PositionMode posMode = firstSetup.posMode();
            SetupStep posStep = PositionModeWrite.step(posMode, first.settings().valueOf(Setting.POSITION_MODE, false));
            boolean withFirst = firstValid;
            if (!PositionModeWrite.mustWrite(posStep, dryRun)) {
                return symbols(account, withFirst ? firstSetup : null, first.settings(), first.settings(), others,
                        PositionModeWrite.unwritten(posStep), dryRun).map(done -> SetupReport.concat(items, done));
            }
            if (!withFirst && others.isEmpty()) {
                return Uni.createFrom().item(items);
            }
            SetPositionModeRequest request = new SetPositionModeRequest(firstSetup.productType().wireName(),
                    posMode.wireName());
            Uni<Decided> written = PositionModeWrite.write(posStep,
                    bitget.setPositionMode(account, request, batch.maxWaitPerCall()),
                    () -> read(account, firstSetup.target(), batch.maxWaitPerCall()).map(again -> again.posMode() == posMode));
            return written.flatMap(decided -> {
                if (decided.refusal() != null) {
                    List<SetupItem> refused = new ArrayList<>();
                    if (withFirst) {
                        refused.add(SetupReport.skippedAfter(firstSetup, first.settings(), decided.step(),
                                decided.refusal(), AccountType.CLASSIC));
                    }
                    others.forEach(setup -> refused.add(SetupReport.skippedAfter(setup, null, decided.step(),
                            decided.refusal(), AccountType.CLASSIC)));
                    return Uni.createFrom().item(SetupReport.concat(items, refused));
                }
                // Everything is read again: the switch may have reset what the first read showed.
                return symbols(account, withFirst ? firstSetup : null, null, first.settings(), others, decided.step(),
                        false).map(done -> SetupReport.concat(items, done));
            });
        });
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
        Duration wait = batch.maxWaitPerCall();
        Uni<SymbolSettings> read = known != null ? Uni.createFrom().item(known) : read(account, desired.target(), wait);
        return read.flatMap(now -> {
            SymbolSettings before = reportedBefore != null ? reportedBefore : now;
            StepRun run = new StepRun(SetupPlan.withPositionStep(SetupPlan.classic(desired, now), posStep));
            if (dryRun) {
                return Uni.createFrom().item(run.dryRun(desired, AccountType.CLASSIC, before));
            }
            List<Action> actions = new ArrayList<>();
            run.step(Setting.MARGIN_MODE).filter(SetupStep::needsChange).ifPresent(step -> actions.add(new Action(
                    List.of(Setting.MARGIN_MODE), () -> bitget.setMarginMode(account, new SetMarginModeRequest(
                            desired.symbol(), desired.productType().wireName(), desired.marginCoin(), step.to()), wait))));
            SetupPlan.classicLeverageCalls(desired, now, run.steps()).forEach(call -> actions.add(new Action(
                    call.covers(), () -> bitget.setFuturesLeverage(account, call.body(), wait))));
            return run.execute(actions).flatMap(ignored -> !run.sent()
                    ? Uni.createFrom().item(ReadBack.confirmed(run, desired, AccountType.CLASSIC, before, now, false))
                    : read(account, desired.target(), wait)
                            .map(after -> ReadBack.confirmed(run, desired, AccountType.CLASSIC, before, after, false))
                            .onFailure().recoverWithItem(readBackFailure -> ReadBack.unconfirmed(run, desired,
                                    AccountType.CLASSIC, before, readBackFailure)));
        }).onFailure().recoverWithItem(failure -> SetupReport.failedAfter(desired, posStep, failure, AccountType.CLASSIC));
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
