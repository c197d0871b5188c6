package io.bitgetmargin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class InProcessRateLimiterTest {

    private static InProcessRateLimiter limiter() {
        return new InProcessRateLimiter(TestLimits.config(Duration.ofSeconds(2), Duration.ZERO, RateLimitStore.MEMORY),
                new SimpleMeterRegistry());
    }

    @Test
    void letsABurstUpToTheLimitGoAtOnce() {
        InProcessRateLimiter limiter = limiter();
        Duration maxWait = Duration.ofSeconds(2);
        for (int i = 0; i < 5; i++) {
            Permit permit = limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofMillis(100));
            assertTrue(permit.waited().toMillis() < 100);
        }
    }

    @Test
    void keepsLanesApart() {
        InProcessRateLimiter limiter = limiter();
        Duration maxWait = Duration.ofMillis(50);
        for (int i = 0; i < 5; i++) {
            limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofMillis(100));
            limiter.acquire(TestLimits.fivePerSecond("b"), maxWait).await().atMost(Duration.ofMillis(100));
            limiter.acquire(TestLimits.tenPerSecond("a:account"), maxWait).await().atMost(Duration.ofMillis(100));
        }
        assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofSeconds(1)));
    }

    /**
     * Two parties on one lane whose line is full: the party that has more than its share is refused at once, as its
     * own share being full, and the newcomer is queued and served; while the line had room, the first party queued
     * beyond any share.
     */
    @Test
    void aPartyOverItsShareOfAFullLineMakesRoomForAnother() {
        InProcessRateLimiter limiter = limiter();
        Lane lane = TestLimits.fivePerSecond("a");
        Duration maxWait = Duration.ofSeconds(2);
        List<Permit> held = new ArrayList<>();
        List<Throwable> noisyRefusals = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            held.add(limiter.acquire(lane, maxWait, new Turn("noisy")).await().atMost(Duration.ofMillis(100)));
        }
        // Five more of the noisy party, alone on the line: all queue, whatever a share would be.
        for (int i = 0; i < 5; i++) {
            limiter.acquire(lane, maxWait, new Turn("noisy")).subscribe().with(Permit::release, noisyRefusals::add);
        }
        assertTrue(noisyRefusals.isEmpty(), "a line with room takes all of one party's callers: " + noisyRefusals);
        // Fill the line: whatever the noisy party now sends beyond it is refused as "too many queued".
        for (int i = 0; i < 20; i++) {
            limiter.acquire(lane, maxWait, new Turn("noisy")).subscribe().with(Permit::release, noisyRefusals::add);
        }
        int refusedAlone = noisyRefusals.size();
        assertTrue(refusedAlone > 0, "a full line refuses");
        assertTrue(noisyRefusals.stream().noneMatch(refusal -> ((RateLimitExceededException) refusal).ownShare()),
                "alone on the line, it is the line that is full");
        CompletableFuture<Permit> quiet = limiter.acquire(lane, maxWait, new Turn("quiet")).subscribeAsCompletionStage();
        assertEquals(refusedAlone + 1, noisyRefusals.size(), "the newest noisy caller made room");
        assertTrue(((RateLimitExceededException) noisyRefusals.get(refusedAlone)).ownShare());
        held.forEach(Permit::release);
        assertTrue(quiet.join().waited().toMillis() < 2000, "the quiet party's caller is served within the wait");
    }

    @Test
    void refusesOnceTheWaitWouldBeTooLong() {
        InProcessRateLimiter limiter = limiter();
        Duration maxWait = Duration.ofMillis(200);
        for (int i = 0; i < 5; i++) {
            limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofMillis(100));
        }
        long start = System.nanoTime();
        assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofSeconds(2)));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000), "refused after the maximum wait");
    }

    /**
     * Calls with random latencies: whatever moment within its flight each call reaches "Bitget", no second holds
     * more than 5 arrivals, because a permit counts until a second after the call ended.
     */
    @Test
    void boundsArrivalsInAnySecondWhateverTheLatency() throws Exception {
        InProcessRateLimiter limiter = limiter();
        Duration maxWait = Duration.ofSeconds(10);
        Random random = new Random(42);
        List<long[]> flights = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long latency = random.nextInt(300);
            calls.add(limiter.acquire(TestLimits.fivePerSecond("a"), maxWait)
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

    /**
     * The admitted caller's chain runs on the thread that freed its turn, but never under the line's lock: while
     * that chain is still busy, other callers of the same lane are queued and refused as usual.
     */
    @Test
    void neverRunsAnAdmittedCallersChainUnderTheLinesLock() throws Exception {
        InProcessRateLimiter limiter = limiter();
        Lane lane = new Lane("one-at-a-time", 1, "test");
        Permit first = limiter.acquire(lane, Duration.ofSeconds(5)).await().atMost(Duration.ofMillis(500));
        CountDownLatch chainRunning = new CountDownLatch(1);
        CountDownLatch chainMayEnd = new CountDownLatch(1);
        CompletableFuture<Permit> second = limiter.acquire(lane, Duration.ofSeconds(5))
                .invoke(permit -> {
                    chainRunning.countDown();
                    await(chainMayEnd);
                })
                .subscribeAsCompletionStage();
        Thread releaser = new Thread(first::release, "releaser");
        releaser.start();
        try {
            assertTrue(chainRunning.await(5, TimeUnit.SECONDS), "the second caller was admitted");
            // Were the lock still held by the releaser, this caller could not even queue until the chain ends.
            CompletableFuture<Permit> third = limiter.acquire(lane, Duration.ofMillis(100)).subscribeAsCompletionStage();
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> third.orTimeout(3, TimeUnit.SECONDS).join());
            assertTrue(refused.getCause() instanceof RateLimitExceededException, String.valueOf(refused.getCause()));
            assertFalse(second.isDone(), "the second caller's chain is still running");
        } finally {
            chainMayEnd.countDown();
        }
        second.get(5, TimeUnit.SECONDS).release();
        releaser.join();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void releasingTwiceCountsOnce() {
        InProcessRateLimiter limiter = limiter();
        Duration maxWait = Duration.ofMillis(50);
        Permit permit = limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().indefinitely();
        permit.release();
        permit.release();
        for (int i = 0; i < 4; i++) {
            limiter.acquire(TestLimits.fivePerSecond("a"), maxWait).await().atMost(Duration.ofMillis(100));
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> limiter
                .acquire(TestLimits.fivePerSecond("a"), maxWait).subscribeAsCompletionStage().join());
        assertTrue(refused.getCause() instanceof RateLimitExceededException);
    }

    /**
     * The window between grant and delivery: the caller's call ended (it hung up) while it was queued, and the line
     * grants it a turn before it hears of that. The turn goes straight back, so the caller behind it is let go.
     */
    @Test
    void aTurnGrantedJustAfterItsCallerLeftGoesStraightBack() {
        InProcessRateLimiter limiter = limiter();
        Lane lane = new Lane("grant-window", 1, "test");
        Permit first = limiter.acquire(lane, Duration.ofSeconds(5)).await().atMost(Duration.ofMillis(500));
        Turn leaving = new Turn();
        List<Permit> delivered = Collections.synchronizedList(new ArrayList<>());
        limiter.acquire(lane, Duration.ofSeconds(5), leaving).subscribe().with(delivered::add, failure -> {
        });
        leaving.end();
        first.release();

        Permit behind = limiter.acquire(lane, Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(4));
        assertTrue(delivered.isEmpty(), "nothing reached the caller who left");
        assertEquals(1, limiter.inFlight("grant-window"), "only the caller behind holds a turn");
        behind.release();
        assertEquals(0, limiter.inFlight("grant-window"));
    }

    /**
     * Two hundred callers of one lane of five, each cancelled at a random moment: while queued, around its grant,
     * during its call, or never. Whatever the moment, every turn comes back: none is left in flight.
     */
    @Test
    void callersCancelledAtRandomMomentsGiveEveryTurnBack() throws Exception {
        InProcessRateLimiter limiter = limiter();
        Lane lane = new Lane("cancelled-callers", 5, "test");
        CancelledCallers.run(limiter::acquire, lane, 200, new Random(7));
        org.awaitility.Awaitility.await("every turn back").atMost(Duration.ofSeconds(10))
                .until(() -> limiter.inFlight("cancelled-callers") == 0);
    }

    @Test
    void admitsOnlyItsShareAndNothingWhileQuietOrPaused() {
        InProcessRateLimiter limiter = new InProcessRateLimiter(TestLimits.config(Duration.ofSeconds(2), Duration.ZERO,
                RateLimitStore.REDIS), new SimpleMeterRegistry(), perSecond -> perSecond / 2);
        Lane lane = TestLimits.fivePerSecond("shared");
        Duration noWait = Duration.ofMillis(1);
        limiter.acquire(lane, noWait).await().atMost(Duration.ofMillis(500));
        limiter.acquire(lane, noWait).await().atMost(Duration.ofMillis(500));
        assertThrows(RateLimitExceededException.class, () -> limiter.acquire(lane, noWait).await().atMost(Duration.ofSeconds(1)),
                "floor(5 / 2) = 2 calls of this lane in flight at most");

        Lane other = TestLimits.tenPerSecond("other");
        limiter.pause(other, Duration.ofMillis(400));
        long start = System.nanoTime();
        limiter.acquire(other, Duration.ofSeconds(2)).await().atMost(Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(380), "a paused lane lets nobody go");

        limiter.quietFor(Duration.ofMillis(400));
        start = System.nanoTime();
        limiter.acquire(TestLimits.tenPerSecond("third"), Duration.ofSeconds(2)).await().atMost(Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(380), "a quiet limiter lets nobody go");
    }

    @Test
    void countsTrackedCallsWithoutAdmittingThem() {
        InProcessRateLimiter limiter = limiter();
        Lane lane = TestLimits.fivePerSecond("tracked");
        List<Permit> tracked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tracked.add(limiter.track(lane));
        }
        assertEquals(5, limiter.inFlight("tracked"));
        assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire(lane, Duration.ofMillis(1)).await().atMost(Duration.ofSeconds(1)));
        tracked.forEach(Permit::release);
        assertEquals(0, limiter.inFlight("tracked"));
    }
}
