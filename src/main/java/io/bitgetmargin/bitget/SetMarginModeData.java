package io.bitgetmargin.bitget;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of a successful set-margin-mode answer. Leverages come as strings in the docs and as numbers
 * elsewhere; {@code crossMarginLeverage} is null on one doc mirror and absent on the others; the response
 * table misspells {@code shortLeverage} as {@code shortLeveage}, which is accepted too.
 */
@RegisterForReflection
public record SetMarginModeData(
        String symbol,
        String marginCoin,
        BigDecimal longLeverage,
        @JsonAlias("shortLeveage") BigDecimal shortLeverage,
        BigDecimal crossMarginLeverage,
        String marginMode) {
}
