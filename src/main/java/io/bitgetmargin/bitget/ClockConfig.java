package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the offset to Bitget's clock is kept ({@link BitgetClockSync}). The scheduler reads the interval as
 * {@code ${bitget-margin.clock.refresh-interval}}.
 */
@ConfigMapping(prefix = "bitget-margin.clock")
public interface ClockConfig {

    /**
     * How often the offset between this host's clock and Bitget's server time is measured (signed calls carry a
     * timestamp Bitget checks), besides right after start-up and whenever Bitget refuses a timestamp.
     */
    @WithDefault("60s")
    Duration refreshInterval();
}
