package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The waits between attempts: exponential, capped, jittered, never below Retry-After, never past the budget. */
class BitgetRetryBackoffTest {

    private static RetryConfig config(Duration budget) {
        return new RetryConfig() {
            @Override
            public int maxAttempts() {
                return 5;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(2);
            }

            @Override
            public double jitter() {
                return 0.5;
            }

            @Override
            public Duration budget() {
                return budget;
            }
        };
    }

    private static final BitgetException UNAVAILABLE = new BitgetException.Unavailable("HTTP 502", null, true);

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        BitgetRetry.Backoff noJitter = new BitgetRetry.Backoff(config(Duration.ofMinutes(1)), () -> 0.0);
        assertEquals(200, noJitter.delayBeforeRetry(0, UNAVAILABLE));
        assertEquals(400, noJitter.delayBeforeRetry(1, UNAVAILABLE));
        assertEquals(800, noJitter.delayBeforeRetry(2, UNAVAILABLE));
        assertEquals(2000, noJitter.delayBeforeRetry(4, UNAVAILABLE), "capped at max-backoff");
        assertEquals(2000, noJitter.delayBeforeRetry(40, UNAVAILABLE), "no overflow however many retries");
    }

    @Test
    void randomisesTheJitterFractionOfEachWait() {
        BitgetRetry.Backoff mostJitter = new BitgetRetry.Backoff(config(Duration.ofMinutes(1)), () -> 1.0);
        assertEquals(100, mostJitter.delayBeforeRetry(0, UNAVAILABLE), "half of 200 ms may go");
        assertEquals(1000, mostJitter.delayBeforeRetry(5, UNAVAILABLE));
    }

    @Test
    void neverWaitsLessThanBitgetsRetryAfter() {
        BitgetRetry.Backoff backoff = new BitgetRetry.Backoff(config(Duration.ofMinutes(1)), () -> 0.0);
        BitgetException rateLimited = new BitgetException.Rejected(429, "429", "Too Many Requests", Duration.ofSeconds(3));
        assertEquals(3000, backoff.delayBeforeRetry(0, rateLimited));
        BitgetException shortRetryAfter = new BitgetException.Unavailable("HTTP 503", Duration.ofMillis(50), true);
        assertEquals(400, backoff.delayBeforeRetry(1, shortRetryAfter), "the backoff wins when it is longer");
    }

    @Test
    void failsAtOnceWithTheFailureWhenTheWaitWouldOutlastTheBudget() {
        BitgetRetry.Backoff backoff = new BitgetRetry.Backoff(config(Duration.ofSeconds(10)), () -> 0.0);
        assertEquals(200, backoff.nextDelayInMillis(UNAVAILABLE), "a first wait inside the budget");
        BitgetException retryLater = new BitgetException.Rejected(429, "429", "Too Many Requests", Duration.ofSeconds(30));
        BitgetException thrown = assertThrows(BitgetException.class, () -> backoff.nextDelayInMillis(retryLater));
        assertSame(retryLater, thrown, "the caller gets Bitget's answer, not a wait of 30 s that ends past the budget");
    }

    @Test
    void countsItsOwnRetries() {
        BitgetRetry.Backoff backoff = new BitgetRetry.Backoff(config(Duration.ofMinutes(1)), () -> 0.0);
        assertEquals(200, backoff.nextDelayInMillis(UNAVAILABLE));
        assertEquals(400, backoff.nextDelayInMillis(UNAVAILABLE));
        assertEquals(800, backoff.nextDelayInMillis(UNAVAILABLE));
    }

    @Test
    void retriesOnlyTransientBitgetFailures() {
        assertTrue(BitgetRetry.isRetried(UNAVAILABLE));
        assertTrue(BitgetRetry.isRetried(new BitgetException.Timeout("read")));
        assertTrue(!BitgetRetry.isRetried(new BitgetException.Rejected(400, "45117", "open positions", null)));
        assertTrue(!BitgetRetry.isRetried(new BitgetException.CircuitOpen("open", Duration.ofSeconds(1))));
        assertTrue(!BitgetRetry.isRetried(new IllegalStateException("a bug")));
    }
}
