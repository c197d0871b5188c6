package io.bitgetmargin.margin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.SetLeverageRequest;
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
 * calls set-margin-mode; a unified one reads its settings and calls set-leverage with the symbol's current leverage,
 * then always reads the settings back, because Bitget's answer does not say what it did. When Bitget proves the type
 * wrong in the middle of a request (40085 or 40084), the request is served once more through the other flow.
 */
@ApplicationScoped
public class MarginModeService {

    private final BitgetClient bitget;
    private final BitgetAccountTypes accountTypes;
    private final BatchConfig batch;
    /** Each symbol of a batch under a span of its own. */
    private final NestedSpans spans;

    MarginModeService(BitgetClient bitget, BitgetAccountTypes accountTypes, BatchConfig batch, NestedSpans spans) {
        this.spans = spans;
        this.bitget = bitget;
        this.accountTypes = accountTypes;
        this.batch = batch;
    }

    /** The current mode of a symbol, for an account (null: the default one). */
    public Uni<MarginModeState> read(String account, String symbol, String productType, String marginCoin) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.target(symbol, productType, marginCoin))
                .flatMap(target -> byAccountType(account, type -> type == AccountType.CLASSIC
                        ? readClassic(account, target, null)
                        : unifiedSettings(account, target.productType(), null).map(settings -> settings.stateOf(target))));
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
                .flatMap(change -> ensure(account, change, verify, dryRun, null));
    }

    /**
     * Ensures one mode for many symbols. Each call queues for the account's turns like any call (so Bitget never
     * answers 429), duplicates are handled once, and one symbol's failure never stops the others. A unified account
     * reads its settings once for the whole batch and once more after its changes.
     */
    public Uni<List<BatchItem>> ensureAll(String account, BatchInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with marginMode and symbols is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        MarginMode mode = MarginModeNormaliser.marginMode(input.marginMode(), problems).orElse(null);
        if (input.symbols() == null || input.symbols().isEmpty()) {
            problems.add(new FieldProblem("symbols", "must list at least one symbol"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, Object> distinct = new LinkedHashMap<>();
        MarginModeNormaliser.distinctTargets(input.symbols(), input.productType(), input.marginCoin(), batch.maxSymbols())
                .forEach((symbol, normalised) -> distinct.put(symbol, normalised instanceof MarginModeTarget target
                        ? new MarginModeChange(target, mode) : normalised));
        boolean dryRun = Boolean.TRUE.equals(input.dryRun());
        List<MarginModeChange> changes = distinct.values().stream().filter(MarginModeChange.class::isInstance)
                .map(MarginModeChange.class::cast).toList();
        Uni<Map<String, BatchItem>> done;
        if (changes.size() > 1 && accountTypes.known(account).isEmpty()) {
            // Not known yet: one symbol alone first, so that a unified account answers one 40085, not one per symbol.
            MarginModeChange first = changes.get(0);
            done = batchItem(account, first, dryRun).flatMap(firstItem -> changesOn(account,
                    accountTypes.current(account), changes.subList(1, changes.size()), dryRun, true).map(rest -> {
                        Map<String, BatchItem> all = new HashMap<>(rest);
                        all.put(first.symbol(), firstItem);
                        return all;
                    }));
        } else {
            done = Uni.createFrom().deferred(() -> changesOn(account, accountTypes.current(account), changes, dryRun,
                    true));
        }
        return done.map(bySymbol -> {
            List<BatchItem> items = new ArrayList<>();
            distinct.forEach((symbol, normalised) -> items.add(normalised instanceof MarginModeChange
                    ? bySymbol.get(symbol)
                    : new BatchItem(symbol, Outcome.FAILED, mode, (Throwable) normalised)));
            return items;
        });
    }

    /** The account's type when it is configured or has been learnt from Bitget's answers. */
    public Optional<AccountType> accountType(String account) {
        return accountTypes.known(account);
    }

    /**
     * The items of {@code changes} on an account of {@code type}; never fails (failures become FAILED items). With
     * {@code retype}, what Bitget refuses for the account's type goes on once through the other type's flow.
     */
    private Uni<Map<String, BatchItem>> changesOn(String account, AccountType type, List<MarginModeChange> changes,
            boolean dryRun, boolean retype) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (type == AccountType.CLASSIC) {
            // All symbols start at once and queue for the account's turns, which alone decide the pace. Should Bitget
            // prove the account unified meanwhile (it was upgraded), the symbols it refused go on as a unified batch.
            List<Uni<BatchItem>> items = changes.stream().map(change -> item(change, traced(change,
                    ensureClassic(account, change, false, dryRun, batch.maxWaitPerCall())))).toList();
            return Uni.join().all(items).andFailFast().flatMap(list -> {
                Map<String, BatchItem> bySymbol = new HashMap<>();
                List<MarginModeChange> refused = new ArrayList<>();
                for (int i = 0; i < changes.size(); i++) {
                    BatchItem item = list.get(i);
                    bySymbol.put(item.symbol(), item);
                    if (retype && isWrongAccountType(item.failure()) && accountTypes.current(account) != type) {
                        refused.add(changes.get(i));
                    }
                }
                return refused.isEmpty() ? Uni.createFrom().item(bySymbol)
                        : changesOn(account, accountTypes.current(account), refused, dryRun, false).map(again -> {
                            bySymbol.putAll(again);
                            return bySymbol;
                        });
            });
        }
        return unifiedBatch(account, changes, dryRun)
                .onFailure(failure -> retype && isWrongAccountType(failure) && accountTypes.current(account) != type)
                .recoverWithUni(() -> changesOn(account, accountTypes.current(account), changes, dryRun, false))
                .onFailure().recoverWithItem(failure -> {
                    Map<String, BatchItem> failed = new HashMap<>();
                    changes.forEach(change -> failed.put(change.symbol(), failedItem(change, failure)));
                    return failed;
                });
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
        return outcome.map(result -> new BatchItem(change.symbol(), result.outcome(), result.marginMode(), null))
                .onFailure().recoverWithItem(failure -> failedItem(change, failure));
    }

    /**
     * A unified account's batch: one settings read for every symbol, the changes queued at the set-leverage lane
     * (which paces them), one settings read after them all. Fails only when the first read does.
     */
    private Uni<Map<String, BatchItem>> unifiedBatch(String account, List<MarginModeChange> changes, boolean dryRun) {
        Duration maxWait = batch.maxWaitPerCall();
        return Uni.createFrom().deferred(() -> unifiedSettings(account, null, maxWait)).flatMap(settings -> {
            Map<String, BatchItem> items = new HashMap<>();
            Map<MarginModeChange, List<SetLeverageRequest>> calls = new LinkedHashMap<>();
            for (MarginModeChange change : changes) {
                if (change.productType().isSimulated()) {
                    items.put(change.symbol(), failedItem(change, InvalidRequestException.simulatedProductTypeOnUnified(change.productType())));
                    continue;
                }
                MarginModeState current = settings.stateOf(change.target());
                Optional<MarginModeResult> settled = settled(change, current, dryRun);
                if (settled.isPresent()) {
                    items.put(change.symbol(), new BatchItem(change.symbol(), settled.get().outcome(),
                            current.marginMode(), null));
                    continue;
                }
                try {
                    calls.put(change, settings.changeTo(change, current));
                } catch (LeverageUnknownException unknown) {
                    items.put(change.symbol(), failedItem(change, unknown));
                }
            }
            if (calls.isEmpty()) {
                return Uni.createFrom().item(items);
            }
            List<MarginModeChange> toSend = List.copyOf(calls.keySet());
            List<Uni<Throwable>> sends = toSend.stream().map(change -> spans.symbol(change.symbol(),
                    sendUnified(account, calls.get(change), maxWait), sent -> null)
                    .map(sent -> (Throwable) null).onFailure().recoverWithItem(failure -> failure)).toList();
            return Uni.join().all(sends).andFailFast().flatMap(outcomes -> {
                List<MarginModeChange> accepted = new ArrayList<>();
                for (int i = 0; i < toSend.size(); i++) {
                    if (outcomes.get(i) == null) {
                        accepted.add(toSend.get(i));
                    } else {
                        items.put(toSend.get(i).symbol(), failedItem(toSend.get(i), outcomes.get(i)));
                    }
                }
                if (accepted.isEmpty()) {
                    return Uni.createFrom().item(items);
                }
                return unifiedSettings(account, null, maxWait).map(readBack -> {
                    accepted.forEach(change -> items.put(change.symbol(), confirmed(change, readBack)));
                    return items;
                }).onFailure().recoverWithItem(readBackFailure -> {
                    accepted.forEach(change -> items.put(change.symbol(), failedItem(change,
                            new ChangeUnconfirmedException(change.symbol(), change.marginMode(), readBackFailure))));
                    return items;
                });
            });
        });
    }

    private BatchItem confirmed(MarginModeChange change, UnifiedSettings readBack) {
        try {
            MarginModeResult result = confirm(change, readBack);
            return new BatchItem(change.symbol(), result.outcome(), result.marginMode(), null);
        } catch (NotAppliedException | BitgetException unreadableOrNotApplied) {
            return failedItem(change, unreadableOrNotApplied);
        }
    }

    private Uni<MarginModeResult> ensure(String account, MarginModeChange change, boolean verify, boolean dryRun,
            Duration maxWait) {
        return byAccountType(account, type -> type == AccountType.CLASSIC
                ? ensureClassic(account, change, verify, dryRun, maxWait)
                : ensureUnified(account, change, dryRun, maxWait));
    }

    private <T> Uni<T> byAccountType(String account, Function<AccountType, Uni<T>> flow) {
        return accountTypes.byType(account, flow);
    }

    private Uni<MarginModeResult> ensureClassic(String account, MarginModeChange change, boolean verify, boolean dryRun,
            Duration maxWait) {
        return readClassic(account, change.target(), maxWait).flatMap(current -> {
            Optional<MarginModeResult> settled = settled(change, current, dryRun);
            if (settled.isPresent()) {
                return Uni.createFrom().item(settled.get());
            }
            Uni<MarginModeResult> changed = sendClassic(account, change, maxWait)
                    .onFailure(MarginModeService::sentBeforeTheCallerLeft)
                    .recoverWithUni(gone -> appliedAfterAll(account, change, gone));
            return verify ? changed.flatMap(result -> verifyClassic(account, change, result)) : changed;
        });
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
    private Uni<MarginModeResult> appliedAfterAll(String account, MarginModeChange change, Throwable gone) {
        return readClassic(account, change.target(), readBackWait()).map(readBack -> {
            if (readBack.marginMode() != change.marginMode()) {
                throw (CallerGoneException) gone;
            }
            return result(change, readBack, Outcome.CHANGED);
        }).onFailure(failure -> failure != gone).transform(unread -> gone);
    }

    private static boolean sentBeforeTheCallerLeft(Throwable failure) {
        return failure instanceof CallerGoneException gone && gone.sent();
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
     * Reads the settings, sends nothing when the mode is right (or no leverage is known), else set-leverage with the
     * current leverage, and always reads back: {@code CHANGED} only when the settings show the new mode.
     */
    private Uni<MarginModeResult> ensureUnified(String account, MarginModeChange change, boolean dryRun,
            Duration maxWait) {
        return unifiedSettings(account, change.productType(), maxWait).flatMap(settings -> {
            MarginModeState current = settings.stateOf(change.target());
            Optional<MarginModeResult> settled = settled(change, current, dryRun);
            if (settled.isPresent()) {
                return Uni.createFrom().item(settled.get());
            }
            return sendUnified(account, settings.changeTo(change, current), maxWait)
                    .flatMap(sent -> unifiedSettings(account, null, readBackWait())
                            .onFailure().transform(failure -> new ChangeUnconfirmedException(change.symbol(),
                                    change.marginMode(), failure)))
                    .map(readBack -> confirm(change, readBack));
        });
    }

    /**
     * The outcome of a symbol that needs no change sent: {@code UNCHANGED} when it has the mode, {@code WOULD_CHANGE}
     * on a dry run; empty when a change must be sent.
     */
    private static Optional<MarginModeResult> settled(MarginModeChange change, MarginModeState current, boolean dryRun) {
        if (current.marginMode() == change.marginMode()) {
            return Optional.of(result(change, current, Outcome.UNCHANGED));
        }
        return dryRun ? Optional.of(result(change, current, Outcome.WOULD_CHANGE)) : Optional.empty();
    }

    /**
     * How long a read-back may queue at the limiter: once a change was sent, only its read-back can tell the caller
     * what happened, so it waits as long as a batch's call may, not the short wait that lets a new request fail fast.
     */
    private Duration readBackWait() {
        return batch.maxWaitPerCall();
    }

    private static MarginModeResult confirm(MarginModeChange change, UnifiedSettings readBack) {
        MarginModeState after = readBack.stateOf(change.target());
        if (after.marginMode() != change.marginMode()) {
            throw new NotAppliedException(change.symbol(), change.marginMode(), after.marginMode(), readBack.holdMode(),
                    readBack.accountLevel());
        }
        return result(change, after, Outcome.CHANGED);
    }

    /**
     * The calls one after the other: the second side of a hedge-mode change only once the first was accepted. When the
     * caller hangs up after one of them was sent, it ends without failing: the read-back that follows tells what
     * took.
     */
    private Uni<Void> sendUnified(String account, List<SetLeverageRequest> requests, Duration maxWait) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (int i = 0; i < requests.size(); i++) {
            SetLeverageRequest request = requests.get(i);
            boolean earlierAccepted = i > 0;
            sent = sent.flatMap(previous -> bitget.setLeverage(account, request, maxWait).replaceWithVoid()
                    .onFailure(gone -> gone instanceof CallerGoneException left && (left.sent() || earlierAccepted))
                    .recoverWithNull());
        }
        return sent;
    }

    /**
     * A unified account's settings; a product type, when given, is checked first (nothing is sent for an S-prefixed
     * one). An account Bitget is moving between types is forgotten, so that its type is learnt afresh.
     */
    private Uni<UnifiedSettings> unifiedSettings(String account, ProductType productType, Duration maxWait) {
        if (productType != null && productType.isSimulated()) {
            return Uni.createFrom().failure(InvalidRequestException.simulatedProductTypeOnUnified(productType));
        }
        return bitget.accountSettings(account, maxWait).map(UnifiedSettings::of)
                .onFailure(AccountSwitchingException.class).invoke(switching -> accountTypes.forget(account));
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

    private static MarginModeResult result(MarginModeChange change, MarginModeState current, Outcome outcome) {
        return new MarginModeResult(change.symbol(), change.productType(), change.marginCoin(), current.accountType(),
                current.marginMode(), current.longLeverage(), current.shortLeverage(), outcome);
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

    private static BatchItem failedItem(MarginModeChange change, Throwable failure) {
        return new BatchItem(change.symbol(), isPositionOrOrderOpen(failure) ? Outcome.BLOCKED : Outcome.FAILED,
                change.marginMode(), failure);
    }

    private static boolean isWrongAccountType(Throwable failure) {
        return BitgetAccountTypes.isWrongAccountType(failure);
    }

    private static boolean isPositionOrOrderOpen(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.POSITION_OR_ORDER_OPEN;
    }
}
