package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** Rate-limit settings for tests that build limiters without Quarkus: Bitget's limits, short Redis timeouts. */
final class TestLimits {

    private TestLimits() {
    }

    static RateLimitConfig config(Duration maxWait, Duration safetyMargin, RateLimitStore store) {
        return new RateLimitConfig() {
            @Override
            public int setMarginModePerSecond() {
                return 5;
            }

            @Override
            public int accountReadsPerSecond() {
                return 10;
            }

            @Override
            public Duration maxWait() {
                return maxWait;
            }

            @Override
            public Duration safetyMargin() {
                return safetyMargin;
            }

            @Override
            public RateLimitStore store() {
                return store;
            }

            @Override
            public Redis redis() {
                return new Redis() {
                    @Override
                    public Duration commandTimeout() {
                        return Duration.ofMillis(250);
                    }

                    @Override
                    public Duration connectTimeout() {
                        return Duration.ofMillis(500);
                    }

                    @Override
                    public Duration recheckInterval() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public Duration lease() {
                        return Duration.ofSeconds(15);
                    }

                    @Override
                    public String keyPrefix() {
                        return "test:rate-limit";
                    }
                };
            }
        };
    }
}
