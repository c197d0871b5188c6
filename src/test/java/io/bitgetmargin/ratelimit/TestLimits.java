package io.bitgetmargin.ratelimit;

import java.time.Duration;

/** Rate-limit settings and lanes for tests that build limiters without Quarkus: short Redis timeouts. */
final class TestLimits {

    private TestLimits() {
    }

    /** A lane of five calls per second, Bitget's set-margin-mode limit. */
    static Lane fivePerSecond(String key) {
        return new Lane(key, 5, "set-margin-mode");
    }

    /** A lane of ten calls per second, Bitget's account-read limit. */
    static Lane tenPerSecond(String key) {
        return new Lane(key, 10, "account");
    }

    static RateLimitConfig config(Duration maxWait, Duration safetyMargin, RateLimitStore store) {
        return new RateLimitConfig() {
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
                    public Duration heartbeatInterval() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public int instances() {
                        return 2;
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
