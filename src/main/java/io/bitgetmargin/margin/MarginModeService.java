package io.bitgetmargin.margin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.SetMarginModeData;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.smallrye.mutiny.Uni;

/**
 * Reads and changes the margin mode of Bitget futures symbols. Input is normalised and validated before anything
 * is signed; a change reads first and sends nothing when the symbol already has the requested mode. Every
 * {@link Uni} returned never blocks the thread that subscribes to it.
 */
@ApplicationScoped
public class MarginModeService {

    private final BitgetClient bitget;
    private final BatchConfig batch;

    MarginModeService(BitgetClient bitget, BatchConfig batch) {
        this.bitget = bitget;
        this.batch = batch;
    }

    /** The current mode of a symbol, for an account (null: the default one). */
    public Uni<MarginModeState> read(String account, String symbol, String productType, String marginCoin) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.target(symbol, productType, marginCoin))
                .flatMap(target -> read(account, target, null));
    }

    /**
     * Ensures a symbol has a margin mode: reads it, changes it only when it differs, and with {@code verify} reads it
     * back after a change.
     *
     * @return the outcome; fails with {@link InvalidRequestException} (nothing sent), {@link NotAppliedException}
     *         or a {@link BitgetException}
     */
    public Uni<MarginModeResult> ensure(String account, MarginModeInput input, boolean verify) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.normalise(input))
                .flatMap(change -> ensure(account, change, verify, false, null));
    }

    /**
     * Ensures one mode for many symbols. Each symbol's calls queue for the account's turns like any call (so Bitget
     * never answers 429), duplicates are handled once, and one symbol's failure never stops the others.
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
        // Normalise first, so that "btcusdt" and "BTC/USDT:USDT" count as one symbol.
        Map<String, Object> distinct = new LinkedHashMap<>();
        for (String raw : input.symbols()) {
            List<FieldProblem> symbolProblems = new ArrayList<>();
            Object normalised = MarginModeNormaliser.target(raw, input.productType(), input.marginCoin(), symbolProblems)
                    .<Object>map(target -> new MarginModeChange(target, mode))
                    .orElseGet(() -> new InvalidRequestException(symbolProblems));
            String key = normalised instanceof MarginModeChange change ? change.symbol() : String.valueOf(raw);
            distinct.putIfAbsent(key, normalised);
        }
        if (distinct.size() > batch.maxSymbols()) {
            throw new InvalidRequestException("symbols", "holds " + distinct.size() + " distinct symbols, more than the "
                    + batch.maxSymbols() + " allowed in one batch; split it");
        }
        boolean dryRun = Boolean.TRUE.equals(input.dryRun());
        List<Uni<BatchItem>> items = new ArrayList<>();
        distinct.forEach((symbol, normalised) -> items.add(normalised instanceof MarginModeChange change
                ? batchItem(account, change, dryRun)
                : Uni.createFrom().item(new BatchItem(symbol, Outcome.FAILED, mode, (Throwable) normalised))));
        // All symbols start at once and queue for the account's turns, which alone decide the pace; no item
        // fails (failures become FAILED or BLOCKED items), and the results keep the order of the request.
        return Uni.join().all(items).andFailFast();
    }

    private Uni<BatchItem> batchItem(String account, MarginModeChange change, boolean dryRun) {
        return ensure(account, change, false, dryRun, batch.maxWaitPerCall())
                .map(result -> new BatchItem(change.symbol(), result.outcome(), result.marginMode(), null))
                .onFailure().recoverWithItem(failure -> new BatchItem(change.symbol(),
                        isPositionOrOrderOpen(failure) ? Outcome.BLOCKED : Outcome.FAILED, change.marginMode(), failure));
    }

    private Uni<MarginModeResult> ensure(String account, MarginModeChange change, boolean verify, boolean dryRun,
            Duration maxWait) {
        return read(account, change.target(), maxWait).flatMap(current -> {
            if (current.marginMode() == change.marginMode()) {
                return Uni.createFrom().item(result(change, current, Outcome.UNCHANGED));
            }
            if (dryRun) {
                return Uni.createFrom().item(result(change, current, Outcome.WOULD_CHANGE));
            }
            Uni<MarginModeResult> changed = send(account, change, maxWait);
            return verify ? changed.flatMap(result -> verify(account, change, result)) : changed;
        });
    }

    private Uni<MarginModeResult> verify(String account, MarginModeChange change, MarginModeResult result) {
        return read(account, change.target(), null).map(readBack -> {
            if (readBack.marginMode() != change.marginMode()) {
                throw new NotAppliedException(change.symbol(), change.marginMode(), readBack.marginMode());
            }
            return result;
        });
    }

    private Uni<MarginModeState> read(String account, MarginModeTarget target, Duration maxWait) {
        return bitget.account(account, target.symbol(), target.productType().wireName(), target.marginCoin(), maxWait)
                .map(data -> state(target, data));
    }

    private Uni<MarginModeResult> send(String account, MarginModeChange change, Duration maxWait) {
        SetMarginModeRequest request = new SetMarginModeRequest(change.symbol(), change.productType().wireName(),
                change.marginCoin(), change.marginMode().wireName());
        return bitget.setMarginMode(account, request, maxWait).map(data -> result(change, data));
    }

    private static MarginModeState state(MarginModeTarget target, AccountData data) {
        if (data == null || MarginMode.fromWire(data.marginMode()).isEmpty()) {
            throw new BitgetException.Unavailable("the account answer has no margin mode for " + target.symbol(), null,
                    false);
        }
        return new MarginModeState(target.symbol(), target.productType(), target.marginCoin(),
                MarginMode.fromWire(data.marginMode()).orElseThrow(), data.crossedMarginLeverage(),
                data.isolatedLongLever(), data.isolatedShortLever(), data.posMode(), data.assetMode());
    }

    private static MarginModeResult result(MarginModeChange change, MarginModeState current, Outcome outcome) {
        return new MarginModeResult(change.symbol(), change.productType(), change.marginCoin(), current.marginMode(),
                current.longLeverage(), current.shortLeverage(), outcome);
    }

    private static MarginModeResult result(MarginModeChange change, SetMarginModeData data) {
        // Bitget echoes the mode it applied; fall back to the requested one when the echo is missing.
        MarginMode applied = data == null ? change.marginMode()
                : MarginMode.fromWire(data.marginMode()).orElse(change.marginMode());
        return new MarginModeResult(change.symbol(), change.productType(), change.marginCoin(), applied,
                data == null ? null : data.longLeverage(), data == null ? null : data.shortLeverage(), Outcome.CHANGED);
    }

    private static boolean isPositionOrOrderOpen(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.POSITION_OR_ORDER_OPEN;
    }
}
