package io.bitgetmargin.margin;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The current margin mode of a symbol as Bitget's Get Single Account reports it: the mode, the leverages of both
 * modes, the position mode ({@code one_way_mode} or {@code hedge_mode}) and the asset mode ({@code single} or
 * {@code union}, multi-asset, where isolated margin is not allowed).
 */
@RegisterForReflection
public record MarginModeState(
        String symbol,
        ProductType productType,
        String marginCoin,
        MarginMode marginMode,
        BigDecimal crossedMarginLeverage,
        BigDecimal isolatedLongLeverage,
        BigDecimal isolatedShortLeverage,
        String posMode,
        String assetMode) {

    /** The leverages that apply in the current mode: isolated long and short, or the crossed one for both. */
    BigDecimal longLeverage() {
        return marginMode == MarginMode.ISOLATED ? isolatedLongLeverage : crossedMarginLeverage;
    }

    BigDecimal shortLeverage() {
        return marginMode == MarginMode.ISOLATED ? isolatedShortLeverage : crossedMarginLeverage;
    }
}
