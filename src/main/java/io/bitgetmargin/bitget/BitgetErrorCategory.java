package io.bitgetmargin.bitget;

import java.util.Locale;

/**
 * What a Bitget error means for the caller, independent of the exact code, and what the edge does about it: whether
 * the same call is retried ({@link #isTransient()}) and whether it counts against Bitget's health in the circuit
 * breaker ({@link #isBitgetTrouble()}).
 */
public enum BitgetErrorCategory {
    /** Key, signature, passphrase, permission or IP whitelist refused. */
    AUTHENTICATION,
    /** The request timestamp was outside Bitget's window: the clocks disagree. Resynchronised once, not retried. */
    CLOCK_SKEW,
    /** A demo key used without demo mode, or the reverse (40099). */
    WRONG_ENVIRONMENT,
    /** A unified-trading-account key on the classic v2 endpoint, or the reverse (40084, 40085). */
    WRONG_ACCOUNT_TYPE,
    /** The endpoint is not offered in demo trading. */
    NOT_AVAILABLE_IN_DEMO,
    /** Too many requests for this account (HTTP 429): retried, but says nothing about Bitget's health. */
    RATE_LIMITED,
    /** Bitget says it is down, upgrading or abnormal; trying again later may work. */
    UNAVAILABLE,
    /** Bitget timed out on its side. */
    TIMEOUT,
    /** Open positions or orders forbid changing the margin mode (45117 and relatives). */
    POSITION_OR_ORDER_OPEN,
    /** Open positions or orders somewhere in the product type (classic) or account forbid a position-mode switch. */
    POSITION_MODE_BLOCKED,
    /** The account's position mode is fixed: copy trading, an experience-coupon or a market-maker account. */
    POSITION_MODE_LOCKED,
    /** The leverage is outside what the contract, its tier or a copy trader's cap allows. */
    LEVERAGE_OUT_OF_RANGE,
    /** Open orders, missing margin or risk processing forbid a leverage change now. */
    LEVERAGE_BLOCKED,
    /** The account may not change this leverage at all (copy trading, an experience coupon). */
    LEVERAGE_NOT_ALLOWED,
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
    OTHER;

    /**
     * Whether the same call may well succeed if sent again in a moment. Everything else is a refusal of this request
     * that a retry cannot change.
     */
    public boolean isTransient() {
        return this == RATE_LIMITED || this == UNAVAILABLE || this == TIMEOUT;
    }

    /**
     * Whether the answer says Bitget itself is in trouble. A rate limit is about one account, and every refusal of a
     * request proves that Bitget is up and judging requests.
     */
    public boolean isBitgetTrouble() {
        return this == UNAVAILABLE || this == TIMEOUT;
    }

    /** The category's name in metrics: {@code position-or-order-open}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
