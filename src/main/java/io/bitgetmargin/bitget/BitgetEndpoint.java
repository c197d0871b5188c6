package io.bitgetmargin.bitget;

/** The Bitget endpoints this service calls; Bitget limits each signed one separately, per account. */
public enum BitgetEndpoint {
    /** {@code POST /api/v2/mix/account/set-margin-mode}: 5 calls/s per account. */
    SET_MARGIN_MODE("set-margin-mode", true),
    /** {@code GET /api/v2/mix/account/account}: 10 calls/s per account. */
    ACCOUNT("account", true),
    /** {@code GET /api/v2/public/time}: public, limited per IP. */
    SERVER_TIME("server-time", false);

    private final String tag;
    private final boolean signed;

    BitgetEndpoint(String tag, boolean signed) {
        this.tag = tag;
        this.signed = signed;
    }

    /** The name used in metrics, logs and rate-limit keys. */
    public String tag() {
        return tag;
    }

    /** Whether calls are signed for an account (and limited per account). */
    public boolean isSigned() {
        return signed;
    }
}
