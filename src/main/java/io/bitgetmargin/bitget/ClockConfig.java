package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the offset to Bitget's clock is kept ({@link BitgetClockSync}). */
@ConfigMapping(prefix = "bitget-margin.clock")
public interface ClockConfig {

    /**
     * How often the offset to Bitget's server time is measured, besides right after start-up and whenever Bitget
     * refuses a timestamp. Read by the scheduler as {@code ${bitget-margin.clock.refresh-interval}}.
     */
    @WithDefault("60s")
    Duration refreshInterval();
}
