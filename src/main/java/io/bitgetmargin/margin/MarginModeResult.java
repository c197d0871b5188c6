package io.bitgetmargin.margin;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The margin mode of a symbol after a change, with the leverages Bitget reported (null when it gave none). */
@RegisterForReflection
public record MarginModeResult(
        String symbol,
        ProductType productType,
        String marginCoin,
        MarginMode marginMode,
        BigDecimal longLeverage,
        BigDecimal shortLeverage) {
}
