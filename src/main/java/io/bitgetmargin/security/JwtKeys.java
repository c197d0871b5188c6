package io.bitgetmargin.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.lang.UnresolvableKeyException;

import io.quarkus.logging.Log;

/**
 * Tells a JWT whose verification key could not be loaded (the identity provider's key set at a URL that does not
 * answer, a key file gone since start-up) from a JWT that was refused: the first is the service's trouble, a 503
 * the caller retries, the second the caller's, a 401. A key id the key set does not hold is a refusal too.
 */
@ApplicationScoped
public class JwtKeys {

    /** How long a JWT caller waits before trying again while the keys cannot be loaded. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final AtomicLong lastWarnedNanos = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /** Whether {@code failure} (an authentication failure) is that the keys could not be loaded. */
    public static boolean areUnavailable(Throwable failure) {
        return loadingFailure(failure) != null;
    }

    /** The I/O failure under the key that could not be resolved; null when the failure is none of that. */
    private static IOException loadingFailure(Throwable failure) {
        boolean unresolvable = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvableKeyException) {
                unresolvable = true;
            } else if (unresolvable && cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** Logs, at most once a minute, that the keys cannot be loaded, with the I/O failure's type only. */
    public void warnUnavailable(Exception failure) {
        long now = System.nanoTime();
        long last = lastWarnedNanos.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarnedNanos.compareAndSet(last, now)) {
            IOException cause = loadingFailure(failure);
            Log.warnf("The keys that verify JWTs cannot be loaded (%s): JWT callers are answered 503 JWT_KEYS_UNAVAILABLE"
                    + " until they can; static tokens still work", cause == null ? "unknown" : cause.getClass().getSimpleName());
        }
    }
}
