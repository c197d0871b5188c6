package io.bitgetmargin.bitget;

/**
 * The caller of a request hung up, and this call was not sent (again) for it: see {@link Hangup}. Nothing of a
 * credential is in it.
 */
public final class CallerGoneException extends RuntimeException {

    private final BitgetEndpoint endpoint;
    private final BitgetException lastFailure;

    /** @param lastFailure what the last attempt met, when one was sent; null when none was */
    CallerGoneException(BitgetEndpoint endpoint, BitgetException lastFailure) {
        super("the caller hung up: " + endpoint.tag() + (lastFailure != null
                ? " was not sent again after: " + lastFailure.getMessage() : " was not sent"), null, false, false);
        this.endpoint = endpoint;
        this.lastFailure = lastFailure;
    }

    public BitgetEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Whether an attempt of this call was handed to the HTTP client before the hang-up: for a change, Bitget may have
     * applied it, and only a read can tell.
     */
    public boolean sent() {
        return lastFailure != null;
    }

    /** What the last attempt met, which a retry would have tried to overcome; null when nothing was sent. */
    public BitgetException lastFailure() {
        return lastFailure;
    }
}
