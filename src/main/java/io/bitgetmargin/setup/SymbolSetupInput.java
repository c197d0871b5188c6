package io.bitgetmargin.setup;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a caller wants a symbol to be, before normalisation: any of margin mode, leverage (one for both sides, or
 * {@code longLeverage}/{@code shortLeverage} apart, for isolated margin in hedge mode) and position mode. A leverage
 * may be a JSON number or a string holding one. Symbol, product type and margin coin as for {@code /v1/margin-mode}.
 */
@RegisterForReflection
public record SymbolSetupInput(String symbol, String productType, String marginCoin, String marginMode,
        BigDecimal leverage, BigDecimal longLeverage, BigDecimal shortLeverage, String posMode) {
}
