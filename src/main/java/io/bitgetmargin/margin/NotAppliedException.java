package io.bitgetmargin.margin;

/** Bitget accepted a change, but reading the symbol back still shows the previous margin mode. */
public class NotAppliedException extends RuntimeException {

    public NotAppliedException(String symbol, MarginMode requested, MarginMode reported) {
        super("Bitget accepted setting " + symbol + " to " + requested.wireName() + " but still reports "
                + reported.wireName(), null, false, false);
    }
}
