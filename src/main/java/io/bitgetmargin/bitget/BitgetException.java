package io.bitgetmargin.bitget;

import java.time.Duration;
import java.util.Optional;

/**
 * Every way a call to Bitget can fail, and what the edge does about each: {@link #isTransient()} is what the retries
 * retry, {@link #isBitgetTrouble()} what the circuit breaker counts, {@link #tag()} the outcome's name in metrics.
 * Messages never contain credentials, signatures or pre-hashes: they may be logged and are shown to callers.
 */
public abstract sealed class BitgetException extends RuntimeException
        permits BitgetException.Rejected, BitgetException.Unavailable, BitgetException.Timeout,
        BitgetException.CircuitOpen, BitgetException.EgressProxyRefused {

    private final Duration retryAfter;

    private BitgetException(String message, Duration retryAfter) {
        // No stack trace: these are expected outcomes, and a trace would only fill logs.
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whether the same call may well succeed if sent again in a moment, re-signed. */
    public abstract boolean isTransient();

    /** Whether this failure says Bitget itself is in trouble, as opposed to refusing this request. */
    public abstract boolean isBitgetTrouble();

    /** The outcome's name in metrics ({@code timeout}, {@code unavailable}, a category's tag, ...). */
    public abstract String tag();

    /** How long Bitget (or the breaker) asked callers to wait, if it did: the floor of any wait before a retry. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Bitget's code when {@code failure} is its refusal; null for any other failure. */
    public static String codeOf(Throwable failure) {
        if (failure instanceof RetryNotAdmittedException notAdmitted) {
            // The retry was never sent; what Bitget answered is the attempt before it.
            return codeOf(notAdmitted.earlier());
        }
        return failure instanceof Rejected rejected ? rejected.bitgetCode() : null;
    }

    /** Whether Bitget refused the request timestamp: the cure is a clock resynchronisation, not a plain retry. */
    public boolean isClockSkew() {
        return this instanceof Rejected rejected && rejected.category() == BitgetErrorCategory.CLOCK_SKEW;
    }

    /** Bitget answered with an error code (any HTTP status, HTTP 200 included), or HTTP 429. */
    public static final class Rejected extends BitgetException {
        private final int httpStatus;
        private final String bitgetCode;
        private final String bitgetMsg;
        private final BitgetErrorCategory category;
        private final BitgetEndpoint endpoint;

        public Rejected(int httpStatus, String bitgetCode, String bitgetMsg, Duration retryAfter) {
            this(httpStatus, bitgetCode, bitgetMsg, retryAfter, null);
        }

        private Rejected(int httpStatus, String bitgetCode, String bitgetMsg, Duration retryAfter,
                BitgetEndpoint endpoint) {
            super("Bitget refused the call with code " + bitgetCode + ": " + bitgetMsg, retryAfter);
            this.httpStatus = httpStatus;
            this.bitgetCode = bitgetCode;
            this.bitgetMsg = bitgetMsg;
            this.category = httpStatus == 429 ? BitgetErrorCategory.RATE_LIMITED : BitgetErrorCode.categoryOf(bitgetCode);
            this.endpoint = endpoint;
        }

        /** This refusal, as answered by {@code refusing}: a permission refusal names what that endpoint needs. */
        Rejected at(BitgetEndpoint refusing) {
            return refusing == endpoint ? this
                    : new Rejected(httpStatus, bitgetCode, bitgetMsg, retryAfter().orElse(null), refusing);
        }

        /** The endpoint that refused, when known. */
        public Optional<BitgetEndpoint> endpoint() {
            return Optional.ofNullable(endpoint);
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

        @Override
        public boolean isTransient() {
            return category.isTransient();
        }

        @Override
        public boolean isBitgetTrouble() {
            return category.isBitgetTrouble();
        }

        @Override
        public String tag() {
            return category.tag();
        }
    }

    /**
     * Bitget could not be reached, answered with HTTP 5xx, or answered with something that is not its JSON
     * envelope (an HTML gateway page, an empty or truncated body).
     */
    public static final class Unavailable extends BitgetException {
        private final boolean transientFailure;

        /**
         * @param transientFailure whether the same call may well succeed in a moment (connection failures and
         *        HTTP 5xx), as opposed to answers that may already have changed something (a truncated 200)
         */
        public Unavailable(String reason, Duration retryAfter, boolean transientFailure) {
            super("Bitget is unavailable: " + reason, retryAfter);
            this.transientFailure = transientFailure;
        }

        @Override
        public boolean isTransient() {
            return transientFailure;
        }

        /** Even an unreadable 200 says something between us and Bitget is broken. */
        @Override
        public boolean isBitgetTrouble() {
            return true;
        }

        @Override
        public String tag() {
            return "unavailable";
        }
    }

    /** No answer from Bitget within the configured timeout. */
    public static final class Timeout extends BitgetException {
        public Timeout(String what) {
            super("Bitget did not answer in time: " + what, null);
        }

        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public boolean isBitgetTrouble() {
            return true;
        }

        @Override
        public String tag() {
            return "timeout";
        }
    }

    /** The circuit breaker is open after repeated failures of Bitget: nothing was sent. */
    public static final class CircuitOpen extends BitgetException {
        public CircuitOpen(String reason, Duration retryAfter) {
            super("Bitget is unavailable: " + reason + "; nothing was sent", retryAfter);
        }

        /** Retrying within one request cannot help: the breaker stays open for its delay. */
        @Override
        public boolean isTransient() {
            return false;
        }

        @Override
        public boolean isBitgetTrouble() {
            return false;
        }

        @Override
        public String tag() {
            return "circuit-open";
        }
    }

    /**
     * The HTTP proxy the calls go out through ({@code quarkus.rest-client.bitget.proxy-address}) refused this service's
     * credentials (407): nothing reached Bitget, and only a configuration change can cure it, so it is neither retried
     * nor held against Bitget.
     */
    public static final class EgressProxyRefused extends BitgetException {

        public EgressProxyRefused() {
            super("the egress proxy refused this service's proxy credentials (HTTP 407 Proxy Authentication Required)",
                    null);
        }

        @Override
        public boolean isTransient() {
            return false;
        }

        @Override
        public boolean isBitgetTrouble() {
            return false;
        }

        @Override
        public String tag() {
            return "egress-proxy-refused";
        }
    }
}
