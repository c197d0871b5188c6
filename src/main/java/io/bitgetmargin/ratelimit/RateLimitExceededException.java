package io.bitgetmargin.ratelimit;

import java.time.Duration;

/**
 * A lane's queue is longer than the caller may wait; nothing was sent. {@link #ownShare()}: other parties wait in the
 * lane too, and this caller's party already had its share of the queue (its turns go round with theirs).
 */
public class RateLimitExceededException extends RuntimeException {

    private final String laneTag;
    private final Duration retryAfter;
    private final boolean ownShare;

    public RateLimitExceededException(String laneTag, Duration retryAfter) {
        this(laneTag, retryAfter, false);
    }

    public RateLimitExceededException(String laneTag, Duration retryAfter, boolean ownShare) {
        super(ownShare ? "this caller's own share of the queue of " + laneTag + " calls is full, while other callers' "
                + "calls take their turns" : "too many " + laneTag + " calls queued", null, false, false);
        this.laneTag = laneTag;
        this.retryAfter = retryAfter;
        this.ownShare = ownShare;
    }

    /** Whether the caller's own share of a queue shared with other callers was full. */
    public boolean ownShare() {
        return ownShare;
    }

    /** The lane whose queue was full, by its tag. */
    public String laneTag() {
        return laneTag;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
