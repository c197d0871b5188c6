package io.bitgetmargin.margin;

import java.math.BigDecimal;

import io.bitgetmargin.bitget.AccountType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The margin mode of a symbol after {@code PUT /v1/margin-mode}, with the leverages Bitget reported (null when it
 * gave none; a unified account has one leverage for both sides), and whether a change was needed.
 */
@RegisterForReflection
public record MarginModeResult(
        String symbol,
        ProductType productType,
        String marginCoin,
        AccountType accountType,
        MarginMode marginMode,
        BigDecimal longLeverage,
        BigDecimal shortLeverage,
        Outcome outcome) {
}
