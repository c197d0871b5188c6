package io.bitgetmargin.margin;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.bitget.AccountType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The current margin mode of a symbol and what goes with it. A classic account reports, through Get Single Account,
 * the leverages of both modes, the position mode ({@code one_way_mode} or {@code hedge_mode}) and the asset mode
 * ({@code single} or {@code union}, multi-asset, where isolated margin is not allowed). A unified account reports,
 * through its settings, one {@code leverage} per symbol, its hold mode as {@code posMode}, its asset mode and its
 * {@code accountLevel} (which may fix the margin mode). Fields an account type does not report are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarginModeState(
        String symbol,
        ProductType productType,
        String marginCoin,
        AccountType accountType,
        MarginMode marginMode,
        MarginModeSource marginModeSource,
        BigDecimal leverage,
        BigDecimal crossedMarginLeverage,
        BigDecimal isolatedLongLeverage,
        BigDecimal isolatedShortLeverage,
        String posMode,
        String assetMode,
        String accountLevel) {

    /** The leverages that apply in the current mode: isolated long and short, or the crossed one for both. */
    BigDecimal longLeverage() {
        if (accountType == AccountType.UNIFIED) {
            return leverage;
        }
        return marginMode == MarginMode.ISOLATED ? isolatedLongLeverage : crossedMarginLeverage;
    }

    BigDecimal shortLeverage() {
        if (accountType == AccountType.UNIFIED) {
            return leverage;
        }
        return marginMode == MarginMode.ISOLATED ? isolatedShortLeverage : crossedMarginLeverage;
    }
}
