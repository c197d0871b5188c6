package io.bitgetmargin.margin;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetClockSync;
import io.bitgetmargin.bitget.BitgetEndpoint;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.ratelimit.AccountRateLimiter;
import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What every call to Bitget goes through: the account's rate limiter, then the call, then (on a transient failure)
 * a retry after an exponential, jittered backoff, within a bounded number of attempts and a total time budget.
 * <p>
 * Each attempt re-subscribes to the call, so the signing filter runs again with a fresh timestamp: a retry never
 * resends a stale signature. Each attempt also takes a turn from the limiter, so retries cannot push an account
 * over Bitget's limit. A refused timestamp (40008, 40004, 40005) triggers one resynchronisation of the clock and
 * one immediate retry. Refusals that a retry cannot fix (authentication, validation, 45117, account state) are
 * never retried.
 */
@ApplicationScoped
public class BitgetCallPolicy {

    private final AccountRateLimiter limiter;
    private final BitgetClockSync clockSync;
    private final RetryConfig retry;
    private final MeterRegistry meters;

    BitgetCallPolicy(AccountRateLimiter limiter, BitgetClockSync clockSync, RetryConfig retry, MeterRegistry meters) {
        this.limiter = limiter;
        this.clockSync = clockSync;
        this.retry = retry;
        this.meters = meters;
    }

    /** Runs {@code call} for {@code account} on {@code endpoint} under the policy. */
    public <T> Uni<T> apply(String account, BitgetEndpoint endpoint, Supplier<Uni<T>> call) {
        return apply(account, endpoint, null, call);
    }

    /**
     * Runs {@code call} under the policy, waiting at most {@code maxWait} for each turn at the rate limiter (null:
     * the configured maximum).
     */
    public <T> Uni<T> apply(String account, BitgetEndpoint endpoint, Duration maxWait, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> attempt(account, endpoint, maxWait, call,
                new Attempts(System.nanoTime(), 1, false)))
                .onItemOrFailure().invoke((item, failure) -> meters.counter("bitget.margin.calls",
                        "endpoint", endpoint.tag(), "outcome", outcome(failure), "bitget_code", bitgetCode(failure))
                        .increment());
    }

    private record Attempts(long startNanos, int number, boolean clockResynced) {
        Attempts next(boolean resynced) {
            return new Attempts(startNanos, number + 1, clockResynced || resynced);
        }
    }

    private <T> Uni<T> attempt(String account, BitgetEndpoint endpoint, Duration maxWait, Supplier<Uni<T>> call,
            Attempts attempts) {
        return limiter.acquire(account, endpoint, maxWait)
                .flatMap(permit -> call.get().onTermination().invoke(permit::release))
                .onFailure().recoverWithUni(failure -> retryOrFail(account, endpoint, maxWait, call, attempts, failure));
    }

    private <T> Uni<T> retryOrFail(String account, BitgetEndpoint endpoint, Duration maxWait, Supplier<Uni<T>> call,
            Attempts attempts, Throwable failure) {
        if (isClockSkew(failure) && !attempts.clockResynced()) {
            retried(endpoint, "clock-skew");
            return clockSync.resync(account)
                    .onFailure().recoverWithItem(0L)
                    .flatMap(offset -> attempt(account, endpoint, maxWait, call, attempts.next(true)));
        }
        if (!isTransient(failure) || attempts.number() >= retry.maxAttempts()) {
            return Uni.createFrom().failure(failure);
        }
        Duration delay = backoff(attempts.number(), retryAfter(failure));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - attempts.startNanos());
        if (elapsed.plus(delay).compareTo(retry.budget()) > 0) {
            return Uni.createFrom().failure(failure);
        }
        retried(endpoint, reason(failure));
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .flatMap(ignored -> attempt(account, endpoint, maxWait, call, attempts.next(false)));
    }

    /** The wait before attempt {@code failedAttempt + 1}: exponential, capped, partly random, never below Retry-After. */
    Duration backoff(int failedAttempt, Duration retryAfter) {
        long exponential = retry.initialBackoff().toMillis() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(exponential, retry.maxBackoff().toMillis());
        double jitter = Math.min(1, Math.max(0, retry.jitter()));
        long randomised = Math.round(capped * (1 - jitter * ThreadLocalRandom.current().nextDouble()));
        return retryAfter == null ? Duration.ofMillis(randomised) : Duration.ofMillis(Math.max(randomised, retryAfter.toMillis()));
    }

    /** Connection failures, timeouts, HTTP 429 and 5xx, 40015 and 40200. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof BitgetException.Timeout) {
            return true;
        }
        if (failure instanceof BitgetException.Unavailable unavailable) {
            return unavailable.isTransient();
        }
        if (failure instanceof BitgetException.Rejected rejected) {
            return rejected.httpStatus() == 429 || "40015".equals(rejected.bitgetCode())
                    || "40200".equals(rejected.bitgetCode());
        }
        return false;
    }

    static boolean isClockSkew(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && ("40008".equals(rejected.bitgetCode()) || "40004".equals(rejected.bitgetCode())
                        || "40005".equals(rejected.bitgetCode()));
    }

    private void retried(BitgetEndpoint endpoint, String reason) {
        meters.counter("bitget.margin.retries", "endpoint", endpoint.tag(), "reason", reason).increment();
    }

    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof BitgetException.Rejected rejected) {
            return rejected.retryAfter().orElse(null);
        }
        return failure instanceof BitgetException.Unavailable unavailable ? unavailable.retryAfter().orElse(null) : null;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof BitgetException.Timeout) {
            return "timeout";
        }
        if (failure instanceof BitgetException.Rejected rejected) {
            return rejected.httpStatus() == 429 ? "rate-limited" : "code-" + rejected.bitgetCode();
        }
        return "unavailable";
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof BitgetException.Rejected rejected) {
            return rejected.category().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (failure instanceof RateLimitExceededException) {
            return "queue-full";
        }
        if (failure instanceof BitgetException.Timeout) {
            return "timeout";
        }
        if (failure instanceof BitgetException.Unavailable) {
            return "unavailable";
        }
        return "error";
    }

    private static String bitgetCode(Throwable failure) {
        if (failure == null) {
            return "00000";
        }
        return failure instanceof BitgetException.Rejected rejected && rejected.bitgetCode() != null
                ? rejected.bitgetCode() : "none";
    }
}
