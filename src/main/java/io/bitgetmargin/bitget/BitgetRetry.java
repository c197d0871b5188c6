package io.bitgetmargin.bitget;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The retries of one endpoint's transient failures, on SmallRye Fault Tolerance's {@link Guard}: only what
 * {@link BitgetException#isTransient()} says, at most {@code max-attempts}, within the {@code budget}, after an
 * exponential, jittered backoff that is never shorter than Bitget's {@code Retry-After}.
 * <p>
 * Why the Guard and not Mutiny's {@code retry().withBackOff(...).withJitter(...).expireIn(...)}: Mutiny's backoff is
 * a fixed exponential that never sees the failure, so it cannot make {@code Retry-After} a floor of the wait; the
 * Guard's custom backoff ({@link Backoff}) is asked for every wait with the failure in hand. The Guard also gives
 * {@code whenException}, a total {@code maxDuration} and {@code beforeRetry} (the retry metric), and it is the
 * library that already carries the circuit breaker.
 * <p>
 * Every attempt calls the supplier again, and the supplier builds a new REST call: the signing filter runs again
 * with a fresh timestamp, so a retry never resends a stale signature.
 */
final class BitgetRetry {

    private final Guard guard;

    BitgetRetry(BitgetEndpoint endpoint, RetryConfig config, MeterRegistry meters) {
        this.guard = Guard.create()
                .withDescription("Bitget " + endpoint.tag() + " retries")
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .delay(config.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(config.budget().toMillis(), ChronoUnit.MILLIS)
                .whenException(BitgetRetry::isRetried)
                .beforeRetry(failure -> meters.counter("bitget.margin.retries", "endpoint", endpoint.tag(),
                        "reason", ((BitgetException) failure).tag()).increment())
                .withCustomBackoff().strategy(() -> new Backoff(config, ThreadLocalRandom.current()::nextDouble)).done()
                .done()
                .build();
    }

    /** Runs {@code attempt}, and again for each retry. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    <T> Uni<T> run(Supplier<Uni<T>> attempt) {
        // The raw Uni class, not a TypeLiteral: it tells the guard the call is asynchronous without relying on
        // generic signatures of an anonymous class, which a native image need not keep.
        return (Uni<T>) guard.get((Supplier) attempt, Uni.class);
    }

    static boolean isRetried(Throwable failure) {
        return failure instanceof BitgetException bitget && bitget.isTransient();
    }

    /**
     * The waits of one request (SmallRye makes one instance per guarded call): exponential from
     * {@code initial-backoff}, capped at {@code max-backoff}, the {@code jitter} fraction of it random, never below
     * the failure's {@code Retry-After}. A wait that would end past the budget is not started: the request fails at
     * once with the failure it would have retried, rather than sleeping only to give up (SmallRye's own
     * {@code maxDuration} is checked before a wait, not against its end).
     */
    static final class Backoff implements CustomBackoffStrategy {
        private final RetryConfig config;
        private final DoubleSupplier random;
        private final long startNanos = System.nanoTime();
        private int retries;

        Backoff(RetryConfig config, DoubleSupplier random) {
            this.config = config;
            this.random = random;
        }

        @Override
        public long nextDelayInMillis(Throwable failure) {
            long delay = delayBeforeRetry(retries++, failure);
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            if (elapsedMillis + delay > config.budget().toMillis()) {
                // SmallRye completes the guarded call with what the backoff throws.
                throw failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
            }
            return delay;
        }

        /** The wait before retry number {@code retry + 1} (0 is the first retry). */
        long delayBeforeRetry(int retry, Throwable failure) {
            long exponential = config.initialBackoff().toMillis() << Math.min(retry, 20);
            long capped = Math.min(exponential, config.maxBackoff().toMillis());
            double jitter = Math.min(1, Math.max(0, config.jitter()));
            long randomised = Math.round(capped * (1 - jitter * random.getAsDouble()));
            long floor = failure instanceof BitgetException bitget
                    ? bitget.retryAfter().map(java.time.Duration::toMillis).orElse(0L) : 0;
            return Math.max(randomised, floor);
        }
    }
}
