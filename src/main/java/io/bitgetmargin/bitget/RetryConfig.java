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

    /** Attempts in all, the first included; 1 switches retries off. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt; doubled for each further one. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between two attempts (a longer Retry-After from Bitget still wins, within the budget). */
    @WithDefault("2s")
    Duration maxBackoff();

    /** Fraction of each wait that is randomised, 0 to 1, so that many callers do not retry in step. */
    @WithDefault("0.5")
    double jitter();

    /** Total time one call may spend in attempts and waits; no wait that would end past it is started. */
    @WithDefault("10s")
    Duration budget();
}
