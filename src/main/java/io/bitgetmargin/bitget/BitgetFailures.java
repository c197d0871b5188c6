package io.bitgetmargin.bitget;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns what comes back from one HTTP exchange with Bitget into the envelope's {@code data} or a
 * {@link BitgetException}: transport failures, HTTP error answers, and envelopes whose code is not success. Pure.
 */
final class BitgetFailures {

    private BitgetFailures() {
    }

    /** The {@code data} of a successful envelope; throws the {@link BitgetException} any other body stands for. */
    static <T> T successData(int status, String body, Class<T> dataType, Duration retryAfter) {
        BitgetEnvelope<T> envelope;
        try {
            envelope = BitgetJson.readEnvelope(body, dataType);
        } catch (BitgetJson.NotAnEnvelopeException notEnvelope) {
            // Not retried: a 200 that is not the envelope (truncated, say) may have been applied.
            throw new BitgetException.Unavailable("HTTP " + status + " answer is not Bitget's JSON envelope ("
                    + notEnvelope.getMessage() + ")", retryAfter, false);
        }
        if (!envelope.isSuccess()) {
            throw new BitgetException.Rejected(status, envelope.code(), envelope.msg(), retryAfter);
        }
        return envelope.data();
    }

    /** Turns a transport failure or an HTTP error answer into a {@link BitgetException}. */
    static BitgetException classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BitgetException known) {
                return known;
            }
            if (cause instanceof BitgetHttpError http) {
                return classifyHttpError(http);
            }
            // Vert.x and the REST client raise their own timeout types (NoStackTraceTimeoutException, ...).
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new BitgetException.Timeout("no answer within the read timeout");
            }
            // An https call through a proxy: Netty's proxy handler fails the CONNECT with the proxy's status.
            if (cause.getClass().getSimpleName().endsWith("ProxyConnectException")) {
                return String.valueOf(cause.getMessage()).contains("407") ? new BitgetException.EgressProxyRefused()
                        : new BitgetException.Unavailable("the egress proxy could not open a tunnel to Bitget", null, true);
            }
            if (cause instanceof ConnectException) {
                return new BitgetException.Unavailable("connection refused or failed", null, true);
            }
        }
        return new BitgetException.Unavailable("transport failure (" + failure.getClass().getSimpleName() + ")", null, true);
    }

    private static BitgetException classifyHttpError(BitgetHttpError http) {
        Duration retryAfter = parseRetryAfter(http.retryAfter());
        if (http.status() == 429) {
            String code = "429";
            String msg = "Too Many Requests";
            try {
                BitgetEnvelope<Object> envelope = BitgetJson.readEnvelope(http.body(), Object.class);
                code = envelope.code();
                msg = envelope.msg();
            } catch (BitgetJson.NotAnEnvelopeException emptyOrHtml) {
                // Bitget's gateway may answer 429 with no body at all.
            }
            return new BitgetException.Rejected(429, code, msg, retryAfter);
        }
        if (http.status() == 407) {
            // Only a proxy answers 407 (an http call through it); Bitget never does.
            return new BitgetException.EgressProxyRefused();
        }
        if (http.status() >= 500) {
            return new BitgetException.Unavailable("HTTP " + http.status(), retryAfter, true);
        }
        try {
            successData(http.status(), http.body(), Object.class, retryAfter);
            return new BitgetException.Unavailable("HTTP " + http.status() + " with a success code", retryAfter, false);
        } catch (BitgetException classified) {
            return classified;
        }
    }

    /** {@code Retry-After} in seconds; an HTTP date or garbage is ignored (the backoff applies). */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
