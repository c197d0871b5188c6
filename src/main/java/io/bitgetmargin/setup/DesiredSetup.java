package io.bitgetmargin.setup;

import java.math.BigDecimal;

import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeTarget;
import io.bitgetmargin.margin.ProductType;

/**
 * A validated, normalised setup: the contract and the settings asked for (null: leave as it is). Leverages are whole
 * numbers of at least 1; {@code leverage} excludes the per-side ones.
 */
public record DesiredSetup(MarginModeTarget target, MarginMode marginMode, BigDecimal leverage,
        BigDecimal longLeverage, BigDecimal shortLeverage, PositionMode posMode) {

    public String symbol() {
        return target.symbol();
    }

    public ProductType productType() {
        return target.productType();
    }

    public String marginCoin() {
        return target.marginCoin();
    }

    boolean asksLeverage() {
        return leverage != null || longLeverage != null || shortLeverage != null;
    }

    boolean asksPerSide() {
        return longLeverage != null || shortLeverage != null;
    }

    DesiredSetup forTarget(MarginModeTarget other) {
        return new DesiredSetup(other, marginMode, leverage, longLeverage, shortLeverage, posMode);
    }
}
