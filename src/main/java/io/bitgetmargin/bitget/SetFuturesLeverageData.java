package io.bitgetmargin.bitget;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of a successful classic set-leverage answer: the three stored leverages and the current mode. The
 * service reads the account back rather than trusting it, as the docs misspell {@code shortLeverage} here too
 * ({@code shortLeveage}) and {@code crossMarginLeverage} may be null.
 */
@RegisterForReflection
public record SetFuturesLeverageData(
        String symbol,
        String marginCoin,
        BigDecimal longLeverage,
        @JsonAlias("shortLeveage") BigDecimal shortLeverage,
        BigDecimal crossMarginLeverage,
        String marginMode) {
}
