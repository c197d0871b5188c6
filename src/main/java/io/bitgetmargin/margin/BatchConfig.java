package io.bitgetmargin.margin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batches of symbols in one request. */
@ConfigMapping(prefix = "bitget-margin.batch")
public interface BatchConfig {

    /**
     * The most distinct symbols one batch request may name; a batch naming more is refused with 400
     * {@code INVALID_REQUEST}.
     */
    @WithDefault("200")
    int maxSymbols();

    /**
     * How long each Bitget call of a batch may queue for its turn at the account's rate limiter, and the read-back
     * after a sent change as long. Longer than a single call's {@code bitget-margin.rate-limit.max-wait}, because a
     * batch queues behind its own symbols.
     */
    @WithDefault("120s")
    Duration maxWaitPerCall();
}
