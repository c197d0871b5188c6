package io.bitgetmargin.bitget;

import io.bitgetmargin.ratelimit.RateLimitExceededException;

/**
 * A retry (or the attempt re-signed after a clock measurement) that could not get a turn at the rate limiter in time:
 * the caller is refused for the full queue, like any call whose turn did not come, and told what the earlier attempt
 * met. The earlier failure is not the answer: a caller told that Bitget refused its timestamp, after the clock had
 * been measured again and only the queue stood in the way, would go and fix the wrong thing. The circuit breaker
 * still judges Bitget by the earlier failure.
 */
public final class RetryNotAdmittedException extends RateLimitExceededException {

    private final transient BitgetException earlier;

    RetryNotAdmittedException(RateLimitExceededException queueFull, BitgetException earlier) {
        super(queueFull.laneTag(), queueFull.retryAfter(), queueFull.ownShare());
        this.earlier = earlier;
    }

    /** What the attempt before the refused retry met. */
    public BitgetException earlier() {
        return earlier;
    }
}
