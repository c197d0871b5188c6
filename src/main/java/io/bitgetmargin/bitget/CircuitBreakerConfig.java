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

    /** Requests (each after its retries) in the rolling window the failure ratio is computed over. */
    @WithDefault("10")
    int requestVolumeThreshold();

    /** Failure ratio in a full window that opens the breaker. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long the breaker stays open before it probes Bitget. */
    @WithDefault("10s")
    Duration delay();

    /** Successful probes that close it again. */
    @WithDefault("1")
    int successThreshold();
}
