package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The circuit breaker in front of Bitget. It counts requests after their retries, opens when Bitget keeps failing
 * them (unreachable, 5xx, timeouts, not its envelope, 40010/40015/40200/40725/45001), answers 503 at once while open,
 * and probes Bitget by itself once the delay is over. Refusals of a request (45117, auth, unknown symbol) never count
 * as failures.
 */
@ConfigMapping(prefix = "bitget-margin.circuit-breaker")
public interface CircuitBreakerConfig {

    /**
     * The size of the rolling window the failure ratio is computed over, in requests to Bitget, each counted once,
     * after its retries.
     */
    @WithDefault("10")
    int requestVolumeThreshold();

    /**
     * The share of failed requests, 0 to 1, in a full window that opens the breaker: while it is open, calls are
     * answered 503 {@code BITGET_UNAVAILABLE} at once, without reaching Bitget.
     */
    @WithDefault("0.5")
    double failureRatio();

    /** How long the breaker stays open before it probes Bitget by itself. */
    @WithDefault("10s")
    Duration delay();

    /** How many successful probes close the breaker again. */
    @WithDefault("1")
    int successThreshold();
}
