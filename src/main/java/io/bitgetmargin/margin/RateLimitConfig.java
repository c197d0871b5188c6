package io.bitgetmargin.margin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-account limits kept below Bitget's own, so that Bitget never answers 429. */
@ConfigMapping(prefix = "bitget-margin.rate-limit")
public interface RateLimitConfig {

    /** Set-margin-mode calls per second and account (Bitget: 5/s per UID). */
    @WithDefault("5")
    int setMarginModePerSecond();

    /** Account reads per second and account (Bitget: 10/s per UID). */
    @WithDefault("10")
    int accountReadsPerSecond();

    /** How long a call may queue for its turn before the caller gets 429 {@code RATE_LIMITED}. */
    @WithDefault("2s")
    Duration maxWait();

    /**
     * Added to the one second a call is counted after its answer, against clock-rate differences between this host
     * and Bitget.
     */
    @WithDefault("20ms")
    Duration safetyMargin();
}
