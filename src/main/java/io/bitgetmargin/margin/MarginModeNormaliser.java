package io.bitgetmargin.margin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;

/**
 * Turns what a caller wrote into what Bitget expects, or says precisely what is wrong or missing. Pure: no I/O,
 * no state.
 * <p>
 * Symbols may be written as Bitget's id, in ccxt's unified form or in the retired v1 form ({@link SymbolForms});
 * the product type and margin coin may be left out when the symbol decides them. Symbols are not only ASCII:
 * Bitget lists contracts whose names hold non-Latin letters or {@code $}, and peers that assumed ASCII sign them
 * wrongly. So an id may hold letters of any script, digits and {@code $}; only ASCII letters are upper-cased (a
 * locale-dependent upper-casing would change other scripts). Everything else (whitespace, controls,
 * {@code / . ? & # %}, quotes) is refused before anything is signed.
 */
public final class MarginModeNormaliser {

    /** The longest symbol accepted, in characters (code points). */
    public static final int MAX_SYMBOL_LENGTH = 64;

    /** The longest margin coin accepted. */
    public static final int MAX_MARGIN_COIN_LENGTH = 16;

    private MarginModeNormaliser() {
    }

    /**
     * Normalises and validates a change.
     *
     * @throws InvalidRequestException listing every field that is wrong or missing
     */
    public static MarginModeChange normalise(MarginModeInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with symbol, marginMode and, unless the symbol "
                    + "decides them, productType and marginCoin is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<MarginModeTarget> target = target(input.symbol(), input.productType(), input.marginCoin(), problems);
        Optional<MarginMode> marginMode = marginMode(input.marginMode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new MarginModeChange(target.orElseThrow(), marginMode.orElseThrow());
    }

    /**
     * Normalises what a read is about.
     *
     * @throws InvalidRequestException listing every field that is wrong or missing
     */
    public static MarginModeTarget target(String symbol, String productType, String marginCoin) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<MarginModeTarget> target = target(symbol, productType, marginCoin, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return target.orElseThrow();
    }

    /** Normalises symbol, product type and margin coin together, adding to {@code problems} what is wrong. */
    public static Optional<MarginModeTarget> target(String rawSymbol, String rawProductType, String rawMarginCoin,
            List<FieldProblem> problems) {
        int before = problems.size();
        Optional<SymbolForms.ParsedSymbol> parsed = parsedSymbol(rawSymbol, problems);
        Optional<ProductType> given = rawProductType == null || rawProductType.isBlank() ? Optional.empty()
                : productType(rawProductType, problems);
        Optional<String> coin = rawMarginCoin == null || rawMarginCoin.isBlank() ? Optional.empty()
                : marginCoin(rawMarginCoin, problems);
        if (problems.size() > before || parsed.isEmpty()) {
            return Optional.empty();
        }
        SymbolForms.ParsedSymbol symbol = parsed.get();
        if (symbol.marginCoin().isPresent() && marginCoin(symbol.marginCoin().get(), problems).isEmpty()) {
            return Optional.empty();
        }

        ProductType productType;
        if (given.isPresent()) {
            if (symbol.decisive() && symbol.productType().isPresent() && symbol.productType().get() != given.get()) {
                problems.add(new FieldProblem("productType", "is " + given.get().wireName() + " but the symbol "
                        + rawSymbol.strip() + " is a " + symbol.productType().get().wireName() + " contract"));
                return Optional.empty();
            }
            productType = given.get();
        } else if (symbol.productType().isPresent()) {
            productType = symbol.productType().get();
        } else {
            problems.add(new FieldProblem("productType", "cannot be inferred from the symbol " + symbol.id()
                    + "; add productType, one of " + ProductType.allowedValues()));
            return Optional.empty();
        }

        String marginCoin;
        if (coin.isPresent()) {
            if (symbol.marginCoin().isPresent() && !symbol.marginCoin().get().equals(coin.get())) {
                problems.add(new FieldProblem("marginCoin", "is " + coin.get() + " but the symbol " + rawSymbol.strip()
                        + " settles in " + symbol.marginCoin().get()));
                return Optional.empty();
            }
            marginCoin = coin.get();
        } else {
            Optional<String> inferred = symbol.marginCoin().or(() -> SymbolForms.marginCoinOf(productType, symbol.id()));
            if (inferred.isEmpty()) {
                problems.add(new FieldProblem("marginCoin", "cannot be inferred for " + symbol.id() + " on "
                        + productType.wireName() + "; add marginCoin, e.g. BTC for BTCUSD"));
                return Optional.empty();
            }
            marginCoin = inferred.get();
        }
        return Optional.of(new MarginModeTarget(symbol.id(), productType, marginCoin));
    }

    private static Optional<SymbolForms.ParsedSymbol> parsedSymbol(String raw, List<FieldProblem> problems) {
        String symbol = required("symbol", raw, problems);
        if (symbol == null) {
            return Optional.empty();
        }
        StringBuilder formProblem = new StringBuilder();
        Optional<SymbolForms.ParsedSymbol> parsed = SymbolForms.parse(symbol, formProblem);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem("symbol", formProblem.toString()));
            return Optional.empty();
        }
        return validId(parsed.get().id(), problems).map(id -> new SymbolForms.ParsedSymbol(id, parsed.get().productType(),
                parsed.get().marginCoin(), parsed.get().decisive()));
    }

    /** Checks the characters and length of a Bitget id and upper-cases its ASCII letters. */
    private static Optional<String> validId(String symbol, List<FieldProblem> problems) {
        if (symbol.isEmpty()) {
            problems.add(new FieldProblem("symbol", "is required"));
            return Optional.empty();
        }
        if (symbol.codePointCount(0, symbol.length()) > MAX_SYMBOL_LENGTH) {
            problems.add(new FieldProblem("symbol", "must be at most " + MAX_SYMBOL_LENGTH + " characters"));
            return Optional.empty();
        }
        for (int i = 0; i < symbol.length();) {
            int codePoint = symbol.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint != '$' && !Character.isLetter(codePoint) && !Character.isDigit(codePoint)) {
                problems.add(new FieldProblem("symbol", "may hold only letters, digits and $, but holds "
                        + describe(codePoint) + "; write the contract id as Bitget lists it, e.g. BTCUSDT"));
                return Optional.empty();
            }
        }
        return Optional.of(SymbolForms.upper(symbol));
    }

    private static Optional<ProductType> productType(String text, List<FieldProblem> problems) {
        Optional<ProductType> productType = ProductType.parse(text);
        if (productType.isEmpty()) {
            problems.add(new FieldProblem("productType", "must be one of " + ProductType.allowedValues()));
        }
        return productType;
    }

    private static Optional<String> marginCoin(String raw, List<FieldProblem> problems) {
        String coin = raw.strip();
        if (coin.length() > MAX_MARGIN_COIN_LENGTH || !coin.chars().allMatch(MarginModeNormaliser::isAsciiLetterOrDigit)) {
            problems.add(new FieldProblem("marginCoin",
                    "must be a coin code of at most " + MAX_MARGIN_COIN_LENGTH + " ASCII letters and digits, e.g. USDT"));
            return Optional.empty();
        }
        return Optional.of(coin.toUpperCase(java.util.Locale.ROOT));
    }

    /** Reads a margin mode, adding to {@code problems} when it is missing or unknown. */
    public static Optional<MarginMode> marginMode(String raw, List<FieldProblem> problems) {
        String text = required("marginMode", raw, problems);
        if (text == null) {
            return Optional.empty();
        }
        Optional<MarginMode> mode = MarginMode.parse(text);
        if (mode.isEmpty()) {
            problems.add(new FieldProblem("marginMode", "must be crossed or isolated (cross and fixed are accepted too)"));
        }
        return mode;
    }

    private static String required(String field, String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return raw.strip();
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        boolean printable = !Character.isWhitespace(codePoint) && !Character.isISOControl(codePoint)
                && Character.getType(codePoint) != Character.FORMAT;
        return printable ? "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")" : hex;
    }
}
