package io.bitgetmargin.ratelimit;

/** Where the rate limiter keeps its counts. */
public enum RateLimitStore {
    /** In this process: right for one instance. */
    MEMORY,
    /** In Redis, shared by every instance: needed as soon as more than one instance calls Bitget for one account. */
    REDIS;

    /** The name used in configuration, metrics and readiness. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
