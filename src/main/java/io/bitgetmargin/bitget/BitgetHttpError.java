package io.bitgetmargin.bitget;

/** An HTTP error answer from Bitget before it is classified by {@link BitgetClient}. */
final class BitgetHttpError extends RuntimeException {

    private final int status;
    private final String retryAfter;
    private final String body;

    BitgetHttpError(int status, String retryAfter, String body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    int status() {
        return status;
    }

    String retryAfter() {
        return retryAfter;
    }

    String body() {
        return body;
    }
}
