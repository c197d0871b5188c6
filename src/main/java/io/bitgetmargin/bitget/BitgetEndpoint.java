package io.bitgetmargin.bitget;

/** The Bitget endpoints this service calls; Bitget limits each one separately. */
public enum BitgetEndpoint {
    /** {@code POST /api/v2/mix/account/set-margin-mode}: 5 calls/s per account. */
    SET_MARGIN_MODE("set-margin-mode"),
    /** {@code GET /api/v2/mix/account/account}: 10 calls/s per account. */
    ACCOUNT("account"),
    /** {@code GET /api/v2/public/time}: public. */
    SERVER_TIME("server-time");

    private final String tag;

    BitgetEndpoint(String tag) {
        this.tag = tag;
    }

    /** The name used in metrics and logs. */
    public String tag() {
        return tag;
    }
}
