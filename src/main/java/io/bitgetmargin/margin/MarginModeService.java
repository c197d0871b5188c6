package io.bitgetmargin.margin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.SetMarginModeData;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.tracing.NestedSpans;
import io.smallrye.mutiny.Uni;

/**
 * Reads and changes the margin mode of Bitget futures symbols, on classic and unified accounts alike. Input is
 * normalised and validated before anything is signed; a change reads first and sends nothing when the symbol already
 * has the requested mode. Every {@link Uni} returned never blocks the thread that subscribes to it.
 * <p>
 * The account's type ({@link BitgetAccountTypes}) picks the flow: a classic account reads Get Single Account and
 * calls set-margin-mode; a unified one ({@link UnifiedMarginMode}) reads its settings and calls set-leverage with the
 * symbol's current leverage, then always reads the settings back, because Bitget's answer does not say what it did.
 * When Bitget proves the type wrong in the middle of a request (40085 or 40084), the request is served once more
 * through the other flow.
 */
@ApplicationScoped
public class MarginModeService {

    private final BitgetClient bitget;
    private final BitgetAccountTypes accountTypes;
    private final BatchConfig batch;
    /** Each symbol of a batch under a span of its own. */
    private final NestedSpans spans;
    private final UnifiedMarginMode unified;

    MarginModeService(BitgetClient bitget, BitgetAccountTypes accountTypes, BatchConfig batch, NestedSpans spans) {
        this.spans = spans;
        this.bitget = bitget;
        this.accountTypes = accountTypes;
        this.batch = batch;
        this.unified = new UnifiedMarginMode(bitget, accountTypes, batch, spans);
    }

    /** The current mode of a symbol, for an account (null: the default one). */
    public Uni<MarginModeState> read(String account, String symbol, String productType, String marginCoin) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.target(symbol, productType, marginCoin))
                .chain(target -> stateOf(account, target));
    }

    private Uni<MarginModeState> stateOf(String account, MarginModeTarget target) {
        return byAccountType(account, type -> type == AccountType.CLASSIC
                ? readClassic(account, target, null)
                : unified.read(account, target));
    }

    /**
     * Ensures a symbol has a margin mode: reads it, changes it only when it differs, and reads it back after a change
     * on a unified account always, on a classic one with {@code verify}.
     *
     * @return the outcome; fails with {@link InvalidRequestException} or {@link LeverageUnknownException} (nothing
     *         sent), {@link NotAppliedException} or {@link ChangeUnconfirmedException} (sent, and not seen applied),
     *         {@link AccountSwitchingException} or a {@link BitgetException}
     */
    public Uni<MarginModeResult> ensure(String account, MarginModeInput input, boolean verify) {
        return ensure(account, input, verify, false);
    }

    /** As {@link #ensure(String, MarginModeInput, boolean)}; with {@code dryRun}, reads only and answers what it would do. */
    public Uni<MarginModeResult> ensure(String account, MarginModeInput input, boolean verify, boolean dryRun) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.normalise(input))
                .chain(change -> ensure(account, change, verify, dryRun, null));
    }

    /**
     * Ensures one mode for many symbols. Each call queues for the account's turns like any call (so Bitget never
     * answers 429), duplicates are handled once, and one symbol's failure never stops the others. A unified account
     * reads its settings once for the whole batch and once more after its changes.
     */
    public Uni<List<BatchItem>> ensureAll(String account, BatchInput input) {
        BatchPlan plan = plan(input);
        return apply(account, plan.symbols().valid(), plan.dryRun()).map(plan::inRequestOrder);
    }

    /** A batch once its input is checked: the mode, each distinct symbol's change or why it is invalid. */
    private record BatchPlan(MarginMode mode, BatchSymbols<MarginModeChange> symbols, boolean dryRun) {

        List<BatchItem> inRequestOrder(Map<String, BatchItem> bySymbol) {
            return symbols.inRequestOrder(bySymbol, (symbol, invalid) -> new BatchItem(symbol, Outcome.FAILED, mode,
                    invalid));
        }
    }

    private BatchPlan plan(BatchInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with marginMode and symbols is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        MarginMode mode = MarginModeNormaliser.marginMode(input.marginMode(), problems).orElse(null);
        BatchSymbols<MarginModeChange> symbols = BatchSymbols.of(input.symbols(), input.productType(),
                input.marginCoin(), batch.maxSymbols(), problems, target -> new MarginModeChange(target, mode));
        return new BatchPlan(mode, symbols, Boolean.TRUE.equals(input.dryRun()));
    }

    /** The batch's items by symbol, on the account's type; never fails. */
    private Uni<Map<String, BatchItem>> apply(String account, List<MarginModeChange> changes, boolean dryRun) {
        if (changes.size() > 1 && accountTypes.known(account).isEmpty()) {
            // Not known yet: one symbol alone first, so that a unified account answers one 40085, not one per symbol.
            return batchItem(account, changes.get(0), dryRun)
                    .chain(firstItem -> afterTheFirst(account, firstItem, changes, dryRun));
        }
        return Uni.createFrom().deferred(() -> changesOn(account, accountTypes.current(account), changes, dryRun,
                true));
    }

    /** The other symbols, once the first one alone has taught the account's type. */
    private Uni<Map<String, BatchItem>> afterTheFirst(String account, BatchItem firstItem,
            List<MarginModeChange> changes, boolean dryRun) {
        return changesOn(account, accountTypes.current(account), changes.subList(1, changes.size()), dryRun, true)
                .map(others -> merged(others, Map.of(firstItem.symbol(), firstItem)));
    }

    /** The account's type when it is configured or has been learnt from Bitget's answers. */
    public Optional<AccountType> accountType(String account) {
        return accountTypes.known(account);
    }

    /**
     * The items of {@code changes} on an account of {@code type}; never fails (failures become FAILED items). With
     * {@code mayRetype}, what Bitget refuses for the account's type goes on once through the other type's flow.
     */
    private Uni<Map<String, BatchItem>> changesOn(String account, AccountType type, List<MarginModeChange> changes,
            boolean dryRun, boolean mayRetype) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (type == AccountType.CLASSIC) {
            return classicBatch(account, changes, dryRun, mayRetype);
        }
        return unified.batch(account, changes, dryRun)
                .onFailure(failure -> mayRetype && isWrongAccountType(failure) && accountTypes.current(account) != type)
                .recoverWithUni(() -> changesOn(account, accountTypes.current(account), changes, dryRun, false))
                .onFailure().recoverWithItem(failure -> allFailed(changes, failure));
    }

    /**
     * A classic account's batch. All symbols start at once and queue for the account's turns, which alone decide the
     * pace. Should Bitget prove the account unified meanwhile (it was upgraded), the symbols it refused go on as a
     * unified batch.
     */
    private Uni<Map<String, BatchItem>> classicBatch(String account, List<MarginModeChange> changes, boolean dryRun,
            boolean mayRetype) {
        List<Uni<BatchItem>> items = changes.stream().map(change -> item(change, traced(change,
                ensureClassic(account, change, false, dryRun, batch.maxWaitPerCall())))).toList();
        return Uni.join().all(items).andFailFast()
                .chain(classicItems -> retyped(account, changes, classicItems, dryRun, mayRetype));
    }

    /** The items by symbol, those Bitget refused for a classic account's once more as the account's type now is. */
    private Uni<Map<String, BatchItem>> retyped(String account, List<MarginModeChange> changes,
            List<BatchItem> classicItems, boolean dryRun, boolean mayRetype) {
        Map<String, BatchItem> bySymbol = new HashMap<>();
        List<MarginModeChange> refused = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            BatchItem item = classicItems.get(i);
            bySymbol.put(item.symbol(), item);
            if (mayRetype && isWrongAccountType(item.failure()) && accountTypes.current(account) != AccountType.CLASSIC) {
                refused.add(changes.get(i));
            }
        }
        if (refused.isEmpty()) {
            return Uni.createFrom().item(bySymbol);
        }
        return changesOn(account, accountTypes.current(account), refused, dryRun, false)
                .map(retypedItems -> merged(bySymbol, retypedItems));
    }

    private static Map<String, BatchItem> merged(Map<String, BatchItem> items, Map<String, BatchItem> more) {
        Map<String, BatchItem> all = new HashMap<>(items);
        all.putAll(more);
        return all;
    }

    private static Map<String, BatchItem> allFailed(List<MarginModeChange> changes, Throwable failure) {
        Map<String, BatchItem> failed = new HashMap<>();
        changes.forEach(change -> failed.put(change.symbol(), change.failed(failure)));
        return failed;
    }

    /** One symbol of a batch, on its own: read, change, by the account's type. */
    private Uni<BatchItem> batchItem(String account, MarginModeChange change, boolean dryRun) {
        return item(change, traced(change, ensure(account, change, false, dryRun, batch.maxWaitPerCall())));
    }

    private Uni<MarginModeResult> traced(MarginModeChange change, Uni<MarginModeResult> work) {
        return spans.symbol(change.symbol(), work, result -> result.outcome().name());
    }

    /** A symbol's outcome as a batch item; a failure becomes a FAILED or BLOCKED item. */
    private static Uni<BatchItem> item(MarginModeChange change, Uni<MarginModeResult> outcome) {
        return outcome.map(change::item).onFailure().recoverWithItem(change::failed);
    }

    private Uni<MarginModeResult> ensure(String account, MarginModeChange change, boolean verify, boolean dryRun,
            Duration maxWait) {
        return byAccountType(account, type -> type == AccountType.CLASSIC
                ? ensureClassic(account, change, verify, dryRun, maxWait)
                : unified.ensure(account, change, dryRun, maxWait));
    }

    private <T> Uni<T> byAccountType(String account, Function<AccountType, Uni<T>> flow) {
        return accountTypes.byType(account, flow);
    }

    private Uni<MarginModeResult> ensureClassic(String account, MarginModeChange change, boolean verify, boolean dryRun,
            Duration maxWait) {
        return readClassic(account, change.target(), maxWait)
                .chain(current -> changeClassic(account, change, current, verify, dryRun, maxWait));
    }

    private Uni<MarginModeResult> changeClassic(String account, MarginModeChange change, MarginModeState current,
            boolean verify, boolean dryRun, Duration maxWait) {
        Optional<MarginModeResult> settled = change.settled(current, dryRun);
        if (settled.isPresent()) {
            return Uni.createFrom().item(settled.get());
        }
        Uni<MarginModeResult> changed = sendClassic(account, change, maxWait)
                .onFailure(MarginModeService::sentBeforeTheCallerLeft)
                .recoverWithUni(callerGone -> appliedAfterAll(account, change, callerGone));
        return verify ? changed.chain(result -> verifyClassic(account, change, result)) : changed;
    }

    private Uni<MarginModeResult> verifyClassic(String account, MarginModeChange change, MarginModeResult result) {
        return readClassic(account, change.target(), readBackWait())
                .onFailure().transform(failure -> new ChangeUnconfirmedException(change.symbol(), change.marginMode(),
                        failure))
                .map(readBack -> {
                    if (readBack.marginMode() != change.marginMode()) {
                        throw new NotAppliedException(change.symbol(), change.marginMode(), readBack.marginMode());
                    }
                    return result;
                });
    }

    /**
     * A change sent before its caller hung up, which was then not sent again: the read-back tells whether it took, so
     * that its outcome is known (and audited) although nobody waits for it.
     */
    private Uni<MarginModeResult> appliedAfterAll(String account, MarginModeChange change, Throwable callerGone) {
        return readClassic(account, change.target(), readBackWait()).map(readBack -> {
            if (readBack.marginMode() != change.marginMode()) {
                throw (CallerGoneException) callerGone;
            }
            return change.result(readBack, Outcome.CHANGED);
        }).onFailure(failure -> failure != callerGone).transform(readBackFailure -> callerGone);
    }

    private static boolean sentBeforeTheCallerLeft(Throwable failure) {
        return failure instanceof CallerGoneException callerGone && callerGone.sent();
    }

    private Uni<MarginModeState> readClassic(String account, MarginModeTarget target, Duration maxWait) {
        return bitget.account(account, target.symbol(), target.productType().wireName(), target.marginCoin(), maxWait)
                .map(data -> classicState(target, data));
    }

    private Uni<MarginModeResult> sendClassic(String account, MarginModeChange change, Duration maxWait) {
        SetMarginModeRequest request = new SetMarginModeRequest(change.symbol(), change.productType().wireName(),
                change.marginCoin(), change.marginMode().wireName());
        return bitget.setMarginMode(account, request, maxWait).map(data -> result(change, data));
    }

    /**
     * How long a read-back may queue at the limiter: once a change was sent, only its read-back can tell the caller
     * what happened, so it waits as long as a batch's call may, not the short wait that lets a new request fail fast.
     */
    private Duration readBackWait() {
        return batch.maxWaitPerCall();
    }

    private static MarginModeState classicState(MarginModeTarget target, AccountData data) {
        if (data == null || MarginMode.fromWire(data.marginMode()).isEmpty()) {
            throw new BitgetException.Unavailable("the account answer has no margin mode for " + target.symbol(), null,
                    false);
        }
        return new MarginModeState(target.symbol(), target.productType(), target.marginCoin(), AccountType.CLASSIC,
                MarginMode.fromWire(data.marginMode()).orElseThrow(), MarginModeSource.ACCOUNT, null,
                data.crossedMarginLeverage(), data.isolatedLongLever(), data.isolatedShortLever(), data.posMode(),
                data.assetMode(), null);
    }

    private static MarginModeResult result(MarginModeChange change, SetMarginModeData data) {
        // Bitget echoes the mode it applied; fall back to the requested one when the echo is missing.
        MarginMode applied = data == null ? change.marginMode()
                : MarginMode.fromWire(data.marginMode()).orElse(change.marginMode());
        BigDecimal longLeverage = data == null ? null : data.longLeverage();
        BigDecimal shortLeverage = data == null ? null : data.shortLeverage();
        return new MarginModeResult(change.symbol(), change.productType(), change.marginCoin(), AccountType.CLASSIC,
                applied, longLeverage, shortLeverage, Outcome.CHANGED);
    }

    private static boolean isWrongAccountType(Throwable failure) {
        return BitgetAccountTypes.isWrongAccountType(failure);
    }
}
