package io.bitgetmargin.margin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;

/**
 * Turns what a caller wrote into what Bitget expects, or says precisely what is wrong. Pure: no I/O, no state.
 * <p>
 * Symbols are not only ASCII: Bitget lists contracts whose names hold non-Latin letters or {@code $}, and peers
 * that assumed ASCII sign them wrongly. So a symbol may hold letters of any script, digits and {@code $}; only
 * ASCII letters are upper-cased (a locale-dependent upper-casing would change other scripts). Everything else
 * (whitespace, controls, {@code / . ? & # %}, quotes) is refused before anything is signed.
 */
public final class MarginModeNormaliser {

    /** The longest symbol accepted, in characters (code points). */
    public static final int MAX_SYMBOL_LENGTH = 64;

    /** The longest margin coin accepted. */
    public static final int MAX_MARGIN_COIN_LENGTH = 16;

    private MarginModeNormaliser() {
    }

    /**
     * Normalises and validates every field.
     *
     * @throws InvalidRequestException listing every field that is wrong
     */
    public static MarginModeChange normalise(MarginModeInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with symbol, productType, marginCoin and marginMode is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> symbol = symbol(input.symbol(), problems);
        Optional<ProductType> productType = productType(input.productType(), problems);
        Optional<String> marginCoin = marginCoin(input.marginCoin(), problems);
        Optional<MarginMode> marginMode = marginMode(input.marginMode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new MarginModeChange(symbol.orElseThrow(), productType.orElseThrow(), marginCoin.orElseThrow(),
                marginMode.orElseThrow());
    }

    /** Normalises a symbol alone, adding to {@code problems} when it is not acceptable. */
    public static Optional<String> symbol(String raw, List<FieldProblem> problems) {
        String symbol = required("symbol", raw, problems);
        if (symbol == null) {
            return Optional.empty();
        }
        if (symbol.codePointCount(0, symbol.length()) > MAX_SYMBOL_LENGTH) {
            problems.add(new FieldProblem("symbol", "must be at most " + MAX_SYMBOL_LENGTH + " characters"));
            return Optional.empty();
        }
        StringBuilder normalised = new StringBuilder(symbol.length());
        for (int i = 0; i < symbol.length();) {
            int codePoint = symbol.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '$' || Character.isLetter(codePoint) || Character.isDigit(codePoint)) {
                normalised.appendCodePoint(codePoint >= 'a' && codePoint <= 'z' ? codePoint - ('a' - 'A') : codePoint);
            } else {
                problems.add(new FieldProblem("symbol", "may hold only letters, digits and $, but holds "
                        + describe(codePoint) + "; write the contract id as Bitget lists it, e.g. BTCUSDT"));
                return Optional.empty();
            }
        }
        return Optional.of(normalised.toString());
    }

    private static Optional<ProductType> productType(String raw, List<FieldProblem> problems) {
        String text = required("productType", raw, problems);
        if (text == null) {
            return Optional.empty();
        }
        Optional<ProductType> productType = ProductType.parse(text);
        if (productType.isEmpty()) {
            problems.add(new FieldProblem("productType", "must be one of " + ProductType.allowedValues()));
        }
        return productType;
    }

    private static Optional<String> marginCoin(String raw, List<FieldProblem> problems) {
        String coin = required("marginCoin", raw, problems);
        if (coin == null) {
            return Optional.empty();
        }
        if (coin.length() > MAX_MARGIN_COIN_LENGTH || !coin.chars().allMatch(MarginModeNormaliser::isAsciiLetterOrDigit)) {
            problems.add(new FieldProblem("marginCoin",
                    "must be a coin code of at most " + MAX_MARGIN_COIN_LENGTH + " ASCII letters and digits, e.g. USDT"));
            return Optional.empty();
        }
        return Optional.of(coin.toUpperCase(java.util.Locale.ROOT));
    }

    private static Optional<MarginMode> marginMode(String raw, List<FieldProblem> problems) {
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
