package io.bitgetmargin.margin;

/**
 * A unified account changes a symbol's margin mode only together with its leverage, and Bitget's settings list no
 * leverage for the symbol: the service does not guess one, so nothing was sent.
 */
public class LeverageUnknownException extends RuntimeException {

    public LeverageUnknownException(String symbol, ProductType productType) {
        super("The unified account's settings list no leverage for " + symbol + " (" + productType.wireName()
                + "), and Bitget changes a unified account's margin mode only together with a leverage", null, false,
                false);
    }
}
