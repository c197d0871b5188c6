package io.bitgetmargin.setup;

import io.bitgetmargin.margin.ProductType;

/** Bitget's contracts list has no such symbol for the product type, so its leverage range is not known; nothing was sent. */
public class UnknownContractException extends RuntimeException {

    public UnknownContractException(String symbol, ProductType productType) {
        super("Bitget's contracts list has no " + symbol + " for " + productType.wireName(), null, false, false);
    }
}
