package io.bitgetmargin.ratelimit;

/** Redis did not answer a limiter command in time, or answered with an error; the caller has not been admitted. */
final class RateLimitStoreUnavailableException extends RuntimeException {

    RateLimitStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
