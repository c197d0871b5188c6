package io.bitgetmargin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class InProcessRateLimiterTest {

    private static InProcessRateLimiter limiter(Duration maxWait) {
        return new InProcessRateLimiter(TestLimits.config(maxWait, Duration.ZERO, RateLimitStore.MEMORY), new SimpleMeterRegistry());
    }

    @Test
    void letsABurstUpToTheLimitGoAtOnce() {
        InProcessRateLimiter limiter = limiter(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            Permit permit = limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofMillis(100));
            assertTrue(permit.waited().toMillis() < 100);
        }
    }

    @Test
    void keepsAccountsAndEndpointsApart() {
        InProcessRateLimiter limiter = limiter(Duration.ofMillis(50));
        for (int i = 0; i < 5; i++) {
            limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofMillis(100));
            limiter.acquire("b", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofMillis(100));
            limiter.acquire("a", BitgetEndpoint.ACCOUNT, null).await().atMost(Duration.ofMillis(100));
        }
        assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofSeconds(1)));
    }

    @Test
    void refusesOnceTheWaitWouldBeTooLong() {
        InProcessRateLimiter limiter = limiter(Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofMillis(100));
        }
        long start = System.nanoTime();
        assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofSeconds(2)));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000), "refused after the maximum wait");
    }

    /**
     * Calls with random latencies: whatever moment within its flight each call reaches "Bitget", no second holds
     * more than 5 arrivals, because a permit counts until a second after the call ended.
     */
    @Test
    void boundsArrivalsInAnySecondWhateverTheLatency() throws Exception {
        InProcessRateLimiter limiter = limiter(Duration.ofSeconds(10));
        Random random = new Random(42);
        List<long[]> flights = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long latency = random.nextInt(300);
            calls.add(limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null)
                    .flatMap(permit -> {
                        long sent = System.nanoTime();
                        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(latency))
                                .invoke(() -> flights.add(new long[] { sent, System.nanoTime() }))
                                .onTermination().invoke(permit::release);
                    })
                    .subscribeAsCompletionStage());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertEquals(12, flights.size());

        // Worst case for the limiter: every call arrives at the very end of its flight, except the earliest ones of
        // a window, which arrive at their very start. Check the bound against both extremes per pair of calls.
        for (long[] first : flights) {
            int arrivals = 0;
            for (long[] other : flights) {
                // "other" can arrive within [first's send, first's send + 1 s) if its flight overlaps that window.
                if (other[1] >= first[0] && other[0] < first[0] + TimeUnit.SECONDS.toNanos(1)) {
                    arrivals++;
                }
            }
            assertTrue(arrivals <= 5, "at most 5 calls could have arrived in one second, found " + arrivals);
        }
    }

    @Test
    void releasingTwiceCountsOnce() {
        InProcessRateLimiter limiter = limiter(Duration.ofMillis(50));
        Permit permit = limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().indefinitely();
        permit.release();
        permit.release();
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).await().atMost(Duration.ofMillis(100));
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> limiter
                .acquire("a", BitgetEndpoint.SET_MARGIN_MODE, null).subscribeAsCompletionStage().join());
        assertTrue(refused.getCause() instanceof RateLimitExceededException);
    }
}
