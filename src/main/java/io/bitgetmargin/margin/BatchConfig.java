package io.bitgetmargin.margin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batches of symbols in one request. */
@ConfigMapping(prefix = "bitget-margin.batch")
public interface BatchConfig {

    /** Most distinct symbols in one batch; more is a 400. */
    @WithDefault("200")
    int maxSymbols();

    /**
     * How long one symbol of a batch may wait for the account's turn. Longer than for single
     * calls: a batch is expected to queue behind its own symbols. The read-back after a sent change waits as long.
     */
    @WithDefault("120s")
    Duration maxWaitPerCall();
}
