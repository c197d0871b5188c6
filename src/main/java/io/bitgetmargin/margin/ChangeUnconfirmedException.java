package io.bitgetmargin.margin;

/**
 * Bitget accepted a change, and reading the symbol back failed: the change has most likely been applied, but nobody
 * saw it. Never reported as "nothing was sent", whatever kept the read-back from answering.
 */
public class ChangeUnconfirmedException extends RuntimeException {

    public ChangeUnconfirmedException(String symbol, MarginMode requested, Throwable readBackFailure) {
        super("Bitget accepted setting " + symbol + " to " + requested.wireName() + ", but reading it back failed ("
                + readBackFailure.getMessage() + ")", null, false, false);
    }

    /** @param accepted what Bitget accepted, e.g. "the position mode and margin mode of BTCUSDT" */
    public ChangeUnconfirmedException(String accepted, Throwable readBackFailure) {
        super("Bitget accepted " + accepted + ", but reading it back failed (" + readBackFailure.getMessage() + ")", null,
                false, false);
    }
}
