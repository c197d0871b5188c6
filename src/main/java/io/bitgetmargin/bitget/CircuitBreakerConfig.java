package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The circuit breaker in front of Bitget. It opens when Bitget keeps failing (unreachable, 5xx, timeouts, not its
 * envelope, 40015/40200), answers 503 at once while open, and closes by itself after probing calls succeed.
 * Business refusals (45117, auth, unknown symbol) never count as failures.
 */
@ConfigMapping(prefix = "bitget-margin.circuit-breaker")
public interface CircuitBreakerConfig {

    /** Calls in the rolling window the failure ratio is computed over. */
    @WithDefault("10")
    int requestVolumeThreshold();

    /** Failure ratio in that window that opens the breaker. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long the breaker stays open before letting probe calls through. */
    @WithDefault("10s")
    Duration delay();

    /** Successful probe calls that close it again. */
    @WithDefault("2")
    int successThreshold();
}
