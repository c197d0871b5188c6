package io.bitgetmargin.bitget;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The circuit breaker in front of Bitget (SmallRye Fault Tolerance), shared by every account and endpoint: they
 * all depend on the same Bitget.
 * <p>
 * <b>What it counts: requests, each after its retries, not attempts.</b> The retries already absorb a failed attempt
 * or two; what they could not fix is what says Bitget is down. Counted as attempts, each request that exhausts its
 * three attempts would be three failures, and two unlucky requests in a row (one meeting three HTML 502 answers,
 * the next three read timeouts) filled half of a window of ten and blacked the service out for the whole delay
 * although Bitget was already healthy again. Counted as requests, the window means "the last N callers", whatever
 * {@code max-attempts} is: with the defaults (10, 0.5) two failed requests can never open it, and a sustained outage
 * opens it after at most ten. Only {@link BitgetException#isBitgetTrouble()} counts as a failure; a refusal of one
 * request (45117, authentication, validation) proves Bitget up and judging, so it counts as a success. A request that
 * never reached Bitget because its account's queue was full is not counted at all: the edge takes the first turn at
 * the rate limiter before it enters the breaker.
 * <p>
 * <b>While open</b>, requests fail at once with {@link BitgetException.CircuitOpen} (503 with {@code Retry-After}, the
 * time left). <b>After the delay</b> SmallRye moves it to half-open by itself, and this class then probes Bitget at
 * once with the public server-time call, so that it closes within the delay plus one probe even when no other
 * traffic arrives; a failed probe opens it for another delay, and so on.
 */
final class BitgetCircuitBreaker {

    /** The breaker's name, for {@link CircuitBreakerMaintenance}. */
    static final String NAME = "bitget";

    private final Guard guard;
    private final Duration delay;
    private final Supplier<Uni<ServerTimeData>> probe;
    private final String opensWhen;
    private volatile long openedAtNanos = System.nanoTime();

    /** @param probe one cheap, unguarded, unsigned call to Bitget that succeeds when Bitget answers */
    BitgetCircuitBreaker(CircuitBreakerConfig config, Supplier<Uni<ServerTimeData>> probe) {
        this.delay = config.delay();
        this.probe = probe;
        int failures = (int) Math.ceil(config.failureRatio() * config.requestVolumeThreshold());
        this.opensWhen = failures + " of the last " + config.requestVolumeThreshold() + " requests to Bitget failed";
        this.guard = Guard.create()
                .withDescription("Bitget REST API")
                .withCircuitBreaker()
                .name(NAME)
                .requestVolumeThreshold(config.requestVolumeThreshold())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.successThreshold())
                .when(BitgetCircuitBreaker::isFailure)
                .onStateChange(this::changed)
                .done()
                .build();
    }

    static boolean isFailure(Throwable failure) {
        return failure instanceof BitgetException bitget && bitget.isBitgetTrouble();
    }

    /** Runs one request (with its retries) through the breaker. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    <T> Uni<T> guard(Supplier<Uni<T>> request) {
        // The raw Uni class: see BitgetRetry.run.
        Uni<T> guarded = (Uni<T>) guard.get((Supplier) request, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(prevented -> openFailure());
    }

    CircuitBreakerState state() {
        return CircuitBreakerMaintenance.get().currentState(NAME);
    }

    /** The failure of a request that the open breaker keeps from Bitget; {@code Retry-After} is the time left. */
    BitgetException.CircuitOpen openFailure() {
        Duration left = delay.minusNanos(System.nanoTime() - openedAtNanos);
        Duration retryAfter = left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        return new BitgetException.CircuitOpen("circuit breaker open after repeated failures (" + opensWhen
                + "); Bitget is probed again within " + retryAfter.toSeconds() + " s", retryAfter);
    }

    private void changed(CircuitBreakerState state) {
        switch (state) {
            case OPEN -> {
                openedAtNanos = System.nanoTime();
                Log.warnf("Bitget circuit breaker is now OPEN: %s; requests answer 503 for %d s, then Bitget is probed",
                        opensWhen, delay.toSeconds());
            }
            // Off the thread that moved the state (SmallRye's timer), which must not wait for I/O.
            case HALF_OPEN -> Infrastructure.getDefaultExecutor().execute(this::probeOnce);
            case CLOSED -> Log.info("Bitget answered again: circuit breaker CLOSED");
        }
    }

    /** One probe through the breaker; more while it stays half-open (a success threshold above one). */
    private void probeOnce() {
        guard(probe).subscribe().with(answered -> {
            if (state() == CircuitBreakerState.HALF_OPEN) {
                probeOnce();
            }
        }, failed -> Log.debugf("Bitget probe failed: %s", failed.getMessage()));
    }
}
