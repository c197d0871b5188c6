package io.bitgetmargin.margin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings of a Bitget futures symbol that callers bring from other tools, and what each implies:
 * <ul>
 * <li>{@code BTCUSDT}, {@code btcusdt}: Bitget's own id; the suffix suggests the product type (USDT, USD, PERP).</li>
 * <li>{@code BTC/USDT:USDT}: ccxt's unified form; the settle coin decides product type and margin coin. USDC
 * contracts are {@code BTCPERP} on Bitget, so {@code BTC/USDC:USDC} becomes {@code BTCPERP}.</li>
 * <li>{@code BTCUSDT_UMCBL}: the retired v1 form; the suffix decides the product type.</li>
 * </ul>
 */
final class SymbolForms {

    private static final Pattern CCXT = Pattern.compile("^([^/:]+)/([^/:]+):([^/:]+)$");

    /** A symbol as Bitget's id, with what its spelling implied. */
    record ParsedSymbol(String id, Optional<ProductType> productType, Optional<String> marginCoin, boolean decisive) {
    }

    private SymbolForms() {
    }

    /**
     * Parses a trimmed symbol. {@code decisive} is true when the form itself fixes the product type (ccxt and v1
     * forms), false when the product type is only suggested by a suffix.
     *
     * @return empty when the form is recognisable but wrong, with the reason in {@code problem}
     */
    static Optional<ParsedSymbol> parse(String symbol, StringBuilder problem) {
        if (symbol.indexOf('/') >= 0 || symbol.indexOf(':') >= 0) {
            Matcher ccxt = CCXT.matcher(symbol);
            if (!ccxt.matches()) {
                problem.append("looks like ccxt's form but is not BASE/QUOTE:SETTLE; write e.g. BTC/USDT:USDT or BTCUSDT");
                return Optional.empty();
            }
            String base = upper(ccxt.group(1));
            String quote = upper(ccxt.group(2));
            String settle = upper(ccxt.group(3));
            ProductType type = productTypeOfSettleCoin(settle);
            String id = type == ProductType.USDC_FUTURES ? base + "PERP"
                    : type == ProductType.SUSDC_FUTURES ? base + "SPERP" : base + quote;
            return Optional.of(new ParsedSymbol(id, Optional.of(type), Optional.of(settle), true));
        }
        int underscore = symbol.lastIndexOf('_');
        if (underscore >= 0) {
            Optional<ProductType> type = productTypeOfV1Suffix(upper(symbol.substring(underscore + 1)));
            if (type.isEmpty()) {
                problem.append("has a suffix that is not one of the v1 forms (_UMCBL, _DMCBL, _CMCBL, _SUMCBL, _SDMCBL, "
                        + "_SCMCBL); write the v2 id, e.g. BTCUSDT");
                return Optional.empty();
            }
            return Optional.of(new ParsedSymbol(symbol.substring(0, underscore), type, Optional.empty(), true));
        }
        return Optional.of(new ParsedSymbol(symbol, productTypeOfId(upper(symbol)), Optional.empty(), false));
    }

    /** The margin coin a product type implies for a symbol, if it implies one. */
    static Optional<String> marginCoinOf(ProductType type, String id) {
        return switch (type) {
            case USDT_FUTURES -> Optional.of("USDT");
            case USDC_FUTURES -> Optional.of("USDC");
            case SUSDT_FUTURES -> Optional.of("SUSDT");
            case SUSDC_FUTURES -> Optional.of("SUSDC");
            case COIN_FUTURES -> baseBefore(id, "USD");
            case SCOIN_FUTURES -> baseBefore(id, "SUSD");
        };
    }

    private static Optional<String> baseBefore(String id, String quote) {
        return id.endsWith(quote) && id.length() > quote.length()
                ? Optional.of(id.substring(0, id.length() - quote.length())) : Optional.empty();
    }

    private static ProductType productTypeOfSettleCoin(String settle) {
        return switch (settle) {
            case "USDT" -> ProductType.USDT_FUTURES;
            case "USDC" -> ProductType.USDC_FUTURES;
            case "SUSDT" -> ProductType.SUSDT_FUTURES;
            case "SUSDC" -> ProductType.SUSDC_FUTURES;
            case "SBTC", "SETH", "SEOS" -> ProductType.SCOIN_FUTURES;
            default -> ProductType.COIN_FUTURES;
        };
    }

    private static Optional<ProductType> productTypeOfV1Suffix(String suffix) {
        return Optional.ofNullable(switch (suffix) {
            case "UMCBL" -> ProductType.USDT_FUTURES;
            case "DMCBL" -> ProductType.COIN_FUTURES;
            case "CMCBL" -> ProductType.USDC_FUTURES;
            case "SUMCBL" -> ProductType.SUSDT_FUTURES;
            case "SDMCBL" -> ProductType.SCOIN_FUTURES;
            case "SCMCBL" -> ProductType.SUSDC_FUTURES;
            default -> null;
        });
    }

    /** What the suffix of a v2 id suggests: S-prefixed demo pairs first, then USDT, PERP (USDC) and USD (coin). */
    private static Optional<ProductType> productTypeOfId(String id) {
        if (id.startsWith("S") && id.endsWith("SUSDT")) {
            return Optional.of(ProductType.SUSDT_FUTURES);
        }
        if (id.startsWith("S") && (id.endsWith("SPERP") || id.endsWith("SUSDC"))) {
            return Optional.of(ProductType.SUSDC_FUTURES);
        }
        if (id.startsWith("S") && id.endsWith("SUSD")) {
            return Optional.of(ProductType.SCOIN_FUTURES);
        }
        if (id.endsWith("USDT")) {
            return Optional.of(ProductType.USDT_FUTURES);
        }
        if (id.endsWith("PERP")) {
            return Optional.of(ProductType.USDC_FUTURES);
        }
        if (id.endsWith("USD")) {
            return Optional.of(ProductType.COIN_FUTURES);
        }
        return Optional.empty();
    }

    /** Upper-cases ASCII letters only: other scripts are left as Bitget lists them. */
    static String upper(String text) {
        StringBuilder upper = new StringBuilder(text.length());
        text.trim().codePoints().forEach(codePoint -> upper.appendCodePoint(
                codePoint >= 'a' && codePoint <= 'z' ? codePoint - ('a' - 'A') : codePoint));
        return upper.toString();
    }
}
