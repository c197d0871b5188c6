package io.bitgetmargin.simulator;

import java.math.BigDecimal;

/**
 * The simulator's state of one contract on one account. Tests arrange it (open positions and orders, the current
 * mode, a symbol that accepts changes without applying them) through
 * {@code PUT /simulator/accounts/{apiKey}/symbols/{symbol}}; absent fields keep their value.
 * <p>
 * A classic account reports the three leverages of Get Single Account; a unified one reports {@code leverage} in its
 * settings' {@code symbolConfigList}, and only while {@code inSettings} is true (Bitget does not say whether the list
 * covers every symbol: a symbol it leaves out is how the service meets the documented default).
 */
public record SimulatedSymbol(
        String symbol,
        String productType,
        String marginCoin,
        String marginMode,
        BigDecimal longLeverage,
        BigDecimal shortLeverage,
        BigDecimal crossLeverage,
        BigDecimal leverage,
        Boolean inSettings,
        Integer openPositions,
        Integer openOrders,
        String posMode,
        String assetMode,
        Boolean ignoresChanges) {

    static SimulatedSymbol listed(String symbol, String productType, String marginCoin) {
        return new SimulatedSymbol(symbol, productType, marginCoin, "crossed", BigDecimal.valueOf(20),
                BigDecimal.valueOf(20), BigDecimal.valueOf(20), BigDecimal.TEN, true, 0, 0, "hedge_mode", "single", false);
    }

    /** This state with the non-null fields of {@code update} applied. */
    SimulatedSymbol merge(String name, SimulatedSymbol update) {
        return new SimulatedSymbol(name,
                pick(update.productType, productType), pick(update.marginCoin, marginCoin),
                pick(update.marginMode, marginMode), pick(update.longLeverage, longLeverage),
                pick(update.shortLeverage, shortLeverage), pick(update.crossLeverage, crossLeverage),
                pick(update.leverage, leverage), pick(update.inSettings, inSettings),
                pick(update.openPositions, openPositions), pick(update.openOrders, openOrders),
                pick(update.posMode, posMode), pick(update.assetMode, assetMode),
                pick(update.ignoresChanges, ignoresChanges));
    }

    /** The classic change; Bitget has been seen to accept one and not apply it (ccxt#21435): {@code ignoresChanges}. */
    SimulatedSymbol withMarginMode(String mode) {
        return Boolean.TRUE.equals(ignoresChanges) ? this
                : new SimulatedSymbol(symbol, productType, marginCoin, mode, longLeverage, shortLeverage, crossLeverage,
                        leverage, inSettings, openPositions, openOrders, posMode, assetMode, ignoresChanges);
    }

    /** The unified change (set-leverage with a margin mode): the symbol is in the settings from now on. */
    SimulatedSymbol withUnifiedSettings(String mode, BigDecimal newLeverage) {
        return Boolean.TRUE.equals(ignoresChanges) ? this
                : new SimulatedSymbol(symbol, productType, marginCoin, mode, longLeverage, shortLeverage, crossLeverage,
                        newLeverage, true, openPositions, openOrders, posMode, assetMode, ignoresChanges);
    }

    /** The classic leverages after a set-leverage; {@code ignoresChanges} keeps them. */
    SimulatedSymbol withLeverages(BigDecimal newCross, BigDecimal newLong, BigDecimal newShort) {
        return Boolean.TRUE.equals(ignoresChanges) ? this
                : new SimulatedSymbol(symbol, productType, marginCoin, marginMode, newLong, newShort, newCross,
                        leverage, inSettings, openPositions, openOrders, posMode, assetMode, ignoresChanges);
    }

    /** The product type's position mode, as every symbol of it reports it. */
    SimulatedSymbol withPosMode(String newPosMode) {
        return new SimulatedSymbol(symbol, productType, marginCoin, marginMode, longLeverage, shortLeverage,
                crossLeverage, leverage, inSettings, openPositions, openOrders, newPosMode, assetMode, ignoresChanges);
    }

    boolean hasPositionsOrOrders() {
        return (openPositions != null && openPositions > 0) || (openOrders != null && openOrders > 0);
    }

    boolean isInSettings() {
        return !Boolean.FALSE.equals(inSettings);
    }

    private static <T> T pick(T update, T current) {
        return update != null ? update : current;
    }
}
