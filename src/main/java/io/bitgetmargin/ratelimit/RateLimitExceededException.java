package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** A lane's queue is longer than the caller may wait; nothing was sent. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(String laneTag, Duration retryAfter) {
        super("too many " + laneTag + " calls queued", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
