package io.bitgetmargin.bitget;

/**
 * The Bitget endpoints this service calls; Bitget limits each signed one separately, per account. The classic ones
 * (v2) answer classic accounts only, the unified ones (v3) unified trading accounts only.
 */
public enum BitgetEndpoint {
    /** {@code POST /api/v2/mix/account/set-margin-mode}: 5 calls/s per account. */
    SET_MARGIN_MODE("set-margin-mode", AccountType.CLASSIC, "Futures: read & write (trade)"),
    /** {@code GET /api/v2/mix/account/account}: 10 calls/s per account. */
    ACCOUNT("account", AccountType.CLASSIC, "Futures: read"),
    /** {@code POST /api/v2/mix/account/set-leverage}, the leverage of a classic symbol's current mode: 5 calls/s. */
    FUTURES_SET_LEVERAGE("futures-set-leverage", AccountType.CLASSIC, "Futures: read & write (trade)"),
    /** {@code POST /api/v2/mix/account/set-position-mode}, for a whole product type: 5 calls/s per account. */
    SET_POSITION_MODE("set-position-mode", AccountType.CLASSIC, "Futures: read & write (trade)"),
    /** {@code POST /api/v3/account/set-leverage}, which carries a unified account's margin mode: 10 calls/s. */
    SET_LEVERAGE("set-leverage", AccountType.UNIFIED, "UTA mgt. (read & write)"),
    /** {@code GET /api/v3/account/settings}, a unified account's modes and leverages per symbol: 20 calls/s. */
    ACCOUNT_SETTINGS("account-settings", AccountType.UNIFIED, "UTA mgt. (read)"),
    /** {@code POST /api/v3/account/set-hold-mode}, a unified account's position mode: 10 calls/s. */
    SET_HOLD_MODE("set-hold-mode", AccountType.UNIFIED, "UTA mgt. (read & write)"),
    /** {@code GET /api/v2/mix/market/contracts}: public, 20 calls/s per IP; the leverage range of each contract. */
    CONTRACTS("contracts", null, null),
    /** {@code GET /api/v2/public/time}: public, limited per IP. */
    SERVER_TIME("server-time", null, null);

    private final String tag;
    private final AccountType api;
    private final String permission;

    BitgetEndpoint(String tag, AccountType api, String permission) {
        this.tag = tag;
        this.api = api;
        this.permission = permission;
    }

    /** The name used in metrics, logs and rate-limit keys. */
    public String tag() {
        return tag;
    }

    /** The request path at Bitget, as the REST client interface sends it. */
    public String path() {
        return switch (this) {
            case SET_MARGIN_MODE -> "/api/v2/mix/account/set-margin-mode";
            case ACCOUNT -> "/api/v2/mix/account/account";
            case FUTURES_SET_LEVERAGE -> "/api/v2/mix/account/set-leverage";
            case SET_POSITION_MODE -> "/api/v2/mix/account/set-position-mode";
            case SET_LEVERAGE -> "/api/v3/account/set-leverage";
            case ACCOUNT_SETTINGS -> "/api/v3/account/settings";
            case SET_HOLD_MODE -> "/api/v3/account/set-hold-mode";
            case CONTRACTS -> "/api/v2/mix/market/contracts";
            case SERVER_TIME -> "/api/v2/public/time";
        };
    }

    /** Whether a call changes something at Bitget, as opposed to reading. */
    public boolean isWrite() {
        return switch (this) {
            case SET_MARGIN_MODE, FUTURES_SET_LEVERAGE, SET_POSITION_MODE, SET_LEVERAGE, SET_HOLD_MODE -> true;
            case ACCOUNT, ACCOUNT_SETTINGS, CONTRACTS, SERVER_TIME -> false;
        };
    }

    /** Whether calls are signed for an account (and limited per account). */
    public boolean isSigned() {
        return api != null;
    }

    /** The kind of account this endpoint serves; null for the public one. */
    public AccountType api() {
        return api;
    }

    /** The API-key permission Bitget asks for on this endpoint, as its key management page names it. */
    public String permission() {
        return permission;
    }
}
