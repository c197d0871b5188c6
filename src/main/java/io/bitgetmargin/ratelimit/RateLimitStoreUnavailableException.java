package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** Redis did not answer a limiter command in time, or answered with an error; the caller has not been admitted. */
class RateLimitStoreUnavailableException extends RuntimeException {

    RateLimitStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** No answer within the command timeout: Redis may be slow rather than gone. */
    static final class TimedOut extends RateLimitStoreUnavailableException {
        TimedOut(Duration timeout) {
            super("no answer from Redis within " + timeout.toMillis() + " ms", null);
        }
    }
}
