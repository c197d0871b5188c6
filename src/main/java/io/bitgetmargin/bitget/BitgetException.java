package io.bitgetmargin.bitget;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a call to Bitget can fail. Messages never contain credentials, signatures or pre-hashes: they may be
 * logged and are shown to callers.
 */
public abstract sealed class BitgetException extends RuntimeException
        permits BitgetException.Rejected, BitgetException.Unavailable, BitgetException.Timeout {

    private BitgetException(String message) {
        // No stack trace: these are expected outcomes, and a trace would only fill logs.
        super(message, null, false, false);
    }

    /** Bitget answered with an error code (any HTTP status, HTTP 200 included), or HTTP 429. */
    public static final class Rejected extends BitgetException {
        private final int httpStatus;
        private final String bitgetCode;
        private final String bitgetMsg;
        private final BitgetErrorCategory category;
        private final Duration retryAfter;

        public Rejected(int httpStatus, String bitgetCode, String bitgetMsg, Duration retryAfter) {
            super("Bitget refused the call with code " + bitgetCode + ": " + bitgetMsg);
            this.httpStatus = httpStatus;
            this.bitgetCode = bitgetCode;
            this.bitgetMsg = bitgetMsg;
            this.category = httpStatus == 429 ? BitgetErrorCategory.RATE_LIMITED : BitgetErrorCode.categoryOf(bitgetCode);
            this.retryAfter = retryAfter;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String bitgetCode() {
            return bitgetCode;
        }

        public String bitgetMsg() {
            return bitgetMsg;
        }

        public BitgetErrorCategory category() {
            return category;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * Bitget could not be reached, answered with HTTP 5xx, or answered with something that is not its JSON
     * envelope (an HTML gateway page, an empty or truncated body).
     */
    public static final class Unavailable extends BitgetException {
        private final Duration retryAfter;
        private final boolean transientFailure;

        /**
         * @param transientFailure whether the same call may well succeed in a moment (connection failures and
         *        HTTP 5xx), as opposed to answers that may already have changed something (a truncated 200)
         */
        public Unavailable(String reason, Duration retryAfter, boolean transientFailure) {
            super("Bitget is unavailable: " + reason);
            this.retryAfter = retryAfter;
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** No answer from Bitget within the configured timeout. */
    public static final class Timeout extends BitgetException {
        public Timeout(String what) {
            super("Bitget did not answer in time: " + what);
        }
    }

}
