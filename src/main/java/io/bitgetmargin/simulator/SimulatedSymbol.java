package io.bitgetmargin.simulator;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The simulator's state of one contract on one account. Tests arrange it (open positions and orders, the current
 * mode, a symbol that accepts changes without applying them) through
 * {@code PUT /simulator/accounts/{apiKey}/symbols/{symbol}}; absent fields keep their value.
 */
@RegisterForReflection
public record SimulatedSymbol(
        String symbol,
        String productType,
        String marginCoin,
        String marginMode,
        BigDecimal longLeverage,
        BigDecimal shortLeverage,
        BigDecimal crossLeverage,
        Integer openPositions,
        Integer openOrders,
        String posMode,
        String assetMode,
        Boolean ignoresChanges) {

    static SimulatedSymbol listed(String symbol, String productType, String marginCoin) {
        return new SimulatedSymbol(symbol, productType, marginCoin, "crossed", BigDecimal.valueOf(20),
                BigDecimal.valueOf(20), BigDecimal.valueOf(20), 0, 0, "hedge_mode", "single", false);
    }

    /** This state with the non-null fields of {@code update} applied. */
    SimulatedSymbol merge(String name, SimulatedSymbol update) {
        return new SimulatedSymbol(name,
                pick(update.productType, productType), pick(update.marginCoin, marginCoin),
                pick(update.marginMode, marginMode), pick(update.longLeverage, longLeverage),
                pick(update.shortLeverage, shortLeverage), pick(update.crossLeverage, crossLeverage),
                pick(update.openPositions, openPositions), pick(update.openOrders, openOrders),
                pick(update.posMode, posMode), pick(update.assetMode, assetMode),
                pick(update.ignoresChanges, ignoresChanges));
    }

    SimulatedSymbol withMarginMode(String mode) {
        // Bitget has been seen to accept a change and not apply it (ccxt#21435); ignoresChanges simulates that.
        return Boolean.TRUE.equals(ignoresChanges) ? this
                : new SimulatedSymbol(symbol, productType, marginCoin, mode, longLeverage, shortLeverage, crossLeverage,
                        openPositions, openOrders, posMode, assetMode, ignoresChanges);
    }

    boolean hasPositionsOrOrders() {
        return (openPositions != null && openPositions > 0) || (openOrders != null && openOrders > 0);
    }

    private static <T> T pick(T update, T current) {
        return update != null ? update : current;
    }
}
