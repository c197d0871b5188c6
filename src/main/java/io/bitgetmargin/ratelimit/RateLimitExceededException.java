package io.bitgetmargin.ratelimit;

import java.time.Duration;

import io.bitgetmargin.bitget.BitgetEndpoint;

/** The account's queue for an endpoint is longer than the configured wait; nothing was sent to Bitget. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(BitgetEndpoint endpoint, Duration retryAfter) {
        super("too many " + endpoint.tag() + " calls queued for this Bitget account", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
