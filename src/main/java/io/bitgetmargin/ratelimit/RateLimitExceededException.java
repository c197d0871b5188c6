package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** A lane's queue is longer than the caller may wait; nothing was sent. */
public class RateLimitExceededException extends RuntimeException {

    private final String laneTag;
    private final Duration retryAfter;

    public RateLimitExceededException(String laneTag, Duration retryAfter) {
        super("too many " + laneTag + " calls queued", null, false, false);
        this.laneTag = laneTag;
        this.retryAfter = retryAfter;
    }

    /** The lane whose queue was full, by its tag. */
    public String laneTag() {
        return laneTag;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
