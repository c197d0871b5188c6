package io.bitgetmargin.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the rate limiter queues and where its counts live. The rates themselves belong to whoever owns the lanes
 * (Bitget's limits are configured beside the Bitget client, under the same prefix).
 */
@ConfigMapping(prefix = "bitget-margin.rate-limit")
public interface RateLimitConfig {

    /**
     * How long a call may queue for its turn at the rate limiter before the caller gets 429 {@code RATE_LIMITED}; a
     * batch's calls wait {@code bitget-margin.batch.max-wait-per-call} instead.
     */
    @WithDefault("2s")
    Duration maxWait();

    /**
     * Added to the one second a call stays counted after its answer, against clock-rate differences between this host
     * and Bitget.
     */
    @WithDefault("20ms")
    Duration safetyMargin();

    /**
     * Where the counts live: {@code memory}, this instance alone; or {@code redis}, shared by every instance that uses
     * the same Redis ({@code quarkus.redis.hosts}, required then), for several instances acting for the same accounts.
     */
    @WithDefault("memory")
    RateLimitStore store();

    /** The {@code redis} store. */
    Redis redis();

    interface Redis {

        /**
         * The longest a limiter command may go unanswered in Redis; three in a row and this instance falls back to its
         * in-process limiter. Redis answers in well under a millisecond on a healthy network; the margin is for
         * pauses of a busy host, because a fallback while the other instances count in Redis lets too many calls
         * through.
         */
        @WithDefault("500ms")
        Duration commandTimeout();

        /** The longest a new connection to Redis may take; also applied to {@code quarkus.redis.tcp.connection-timeout}. */
        @WithDefault("500ms")
        Duration connectTimeout();

        /**
         * How often this instance announces itself in Redis (an announcement holds three intervals), and, after
         * falling back to its in-process limiter, checks whether Redis is back.
         */
        @WithDefault("1s")
        Duration heartbeatInterval();

        /**
         * How many instances share the limits, until this instance has counted them in Redis: should it lose Redis
         * without ever having seen it, it limits itself to {@code max(1, floor(limit / instances))} of each lane.
         * Set it to the most instances you run.
         */
        @WithDefault("2")
        int instances();

        /**
         * How long a call in flight stays counted in Redis if its instance never reports its end (it crashed, or lost
         * Redis meanwhile). Longer than any call can last: the Bitget client's connect plus read timeout.
         */
        @WithDefault("15s")
        Duration lease();

        /** Prefix of the limiter's Redis keys, to share one Redis with other applications. */
        @WithDefault("bitget-margin:rate-limit")
        String keyPrefix();
    }
}
