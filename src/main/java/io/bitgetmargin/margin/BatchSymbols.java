package io.bitgetmargin.margin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;

/**
 * The symbols of a batch request, each distinct one once, in request order: what is asked of it, or why it is
 * invalid. The symbols are normalised first, so that {@code btcusdt} and {@code BTC/USDT:USDT} count as one. One
 * symbol's bad form never stops the others; the whole batch is refused only when its other fields are, when it names
 * no symbol, or when it names more distinct symbols than a batch may hold. Both batches (margin mode, symbol setup)
 * read their symbols here.
 *
 * @param <T> what is asked of each valid symbol
 */
public final class BatchSymbols<T> {

    /** One distinct symbol: {@code asked} when it is valid, else {@code invalid}. */
    private record Entry<T>(T asked, InvalidRequestException invalid) {
    }

    /** Keyed by the normalised symbol (as written when invalid), in request order. */
    private final Map<String, Entry<T>> distinct;

    private BatchSymbols(Map<String, Entry<T>> distinct) {
        this.distinct = distinct;
    }

    /**
     * Reads a batch's symbols.
     *
     * @param problems what is already wrong with the batch's other fields; they are refused together with a missing
     *        symbol list, in one {@link InvalidRequestException}
     * @param ask what is asked of a valid symbol
     * @throws InvalidRequestException when {@code problems} holds any, no symbol is named, or more than
     *         {@code maxSymbols} distinct ones are
     */
    public static <T> BatchSymbols<T> of(List<String> symbols, String productType, String marginCoin, int maxSymbols,
            List<FieldProblem> problems, Function<MarginModeTarget, T> ask) {
        if (symbols == null || symbols.isEmpty()) {
            problems.add(new FieldProblem("symbols", "must list at least one symbol"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, Entry<T>> distinct = new LinkedHashMap<>();
        for (String raw : symbols) {
            List<FieldProblem> symbolProblems = new ArrayList<>();
            MarginModeNormaliser.target(raw, productType, marginCoin, symbolProblems).ifPresentOrElse(
                    target -> distinct.computeIfAbsent(target.symbol(), symbol -> new Entry<>(ask.apply(target), null)),
                    () -> distinct.putIfAbsent(String.valueOf(raw),
                            new Entry<>(null, new InvalidRequestException(symbolProblems))));
        }
        if (distinct.size() > maxSymbols) {
            throw new InvalidRequestException("symbols", "holds " + distinct.size() + " distinct symbols, more than the "
                    + maxSymbols + " allowed in one batch; split it");
        }
        return new BatchSymbols<>(distinct);
    }

    /** What is asked of the valid symbols, in request order. */
    public List<T> valid() {
        return distinct.values().stream().filter(entry -> entry.invalid() == null).map(Entry::asked).toList();
    }

    /**
     * One item per distinct symbol, in request order: a valid symbol's from {@code bySymbol}, an invalid one's made by
     * {@code invalidItem} from the symbol and why it is invalid.
     */
    public <I> List<I> inRequestOrder(Map<String, I> bySymbol, BiFunction<String, Throwable, I> invalidItem) {
        List<I> items = new ArrayList<>();
        distinct.forEach((symbol, entry) -> items.add(entry.invalid() == null ? bySymbol.get(symbol)
                : invalidItem.apply(symbol, entry.invalid())));
        return items;
    }
}
