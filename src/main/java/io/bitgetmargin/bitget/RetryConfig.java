package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retries of transient Bitget failures ({@link BitgetException#isTransient()}): exponential backoff with jitter,
 * never shorter than Bitget's {@code Retry-After}, bounded both in attempts and in total time. Every attempt is
 * signed afresh and takes its own turn at the account's rate limiter.
 */
@ConfigMapping(prefix = "bitget-margin.retry")
public interface RetryConfig {

    /**
     * Attempts of one call to Bitget in all, the first included; {@code 1} switches retries off. Only transient
     * failures are retried.
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * The wait before the second attempt; doubled for each further one, up to
     * {@code bitget-margin.retry.max-backoff}.
     */
    @WithDefault("200ms")
    Duration initialBackoff();

    /**
     * The longest wait between two attempts; a longer {@code Retry-After} from Bitget still wins, within the budget.
     */
    @WithDefault("2s")
    Duration maxBackoff();

    /** The fraction of each wait that is randomised, 0 to 1, so that many callers do not retry in step. */
    @WithDefault("0.5")
    double jitter();

    /**
     * The total time one call may spend in attempts and waits, from its first attempt; no wait that would end past it
     * is started.
     */
    @WithDefault("10s")
    Duration budget();
}
