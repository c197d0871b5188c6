package io.bitgetmargin.bitget;

/** What a Bitget error means for the caller, independent of the exact code. */
public enum BitgetErrorCategory {
    /** Key, signature, passphrase, permission or IP whitelist refused. */
    AUTHENTICATION,
    /** The request timestamp was outside Bitget's window: the clocks disagree. */
    CLOCK_SKEW,
    /** A demo key used without demo mode, or the reverse (40099). */
    WRONG_ENVIRONMENT,
    /** A unified-trading-account key on the classic v2 endpoint, or the reverse (40084, 40085). */
    WRONG_ACCOUNT_TYPE,
    /** The endpoint is not offered in demo trading. */
    NOT_AVAILABLE_IN_DEMO,
    /** Too many requests for this account. */
    RATE_LIMITED,
    /** Bitget says it is down, upgrading or abnormal; trying again later may work. */
    UNAVAILABLE,
    /** Bitget timed out on its side. */
    TIMEOUT,
    /** Open positions or orders forbid changing the margin mode (45117 and relatives). */
    POSITION_OR_ORDER_OPEN,
    /** The account or symbol forbids the requested margin mode. */
    MARGIN_MODE_NOT_ALLOWED,
    /** No such contract. */
    UNKNOWN_SYMBOL,
    /** The contract exists but is under maintenance or delisted. */
    SYMBOL_UNAVAILABLE,
    /** The margin coin does not fit the symbol. */
    MARGIN_COIN_NOT_SUPPORTED,
    /** Bitget rejected a parameter. */
    INVALID_PARAMETER,
    /** Any code this service does not know. */
    OTHER
}
