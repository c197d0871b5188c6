package io.bitgetmargin.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/** The Redis store's algorithm against a real redis-server, with two limiters standing for two instances. */
@RequiresRedisServer
class RedisRateLimiterTest {

    /**
     * An admission that needs no waiting. Generous for a loaded CI machine: none of these tests releases a permit
     * it must not, so a wrongly shared or exhausted budget never admits within this time.
     */
    private static final Duration QUICK = Duration.ofSeconds(1);

    private static LoopbackRedis server;
    private static Vertx vertx;
    private Redis client;
    private RedisRateLimiter first;
    private RedisRateLimiter second;

    @BeforeAll
    static void startRedis() {
        server = new LoopbackRedis().startServer();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopRedis() {
        vertx.closeAndAwait();
        server.stopServer();
    }

    @BeforeEach
    void twoInstances() throws Exception {
        server.command("FLUSHALL");
        client = Redis.createClient(vertx, server.url());
        first = new RedisRateLimiter(client, TestLimits.config(Duration.ofSeconds(2), Duration.ZERO, RateLimitStore.REDIS), new SimpleMeterRegistry());
        second = new RedisRateLimiter(client, TestLimits.config(Duration.ofSeconds(2), Duration.ZERO, RateLimitStore.REDIS), new SimpleMeterRegistry());
        // As at start-up: connected and scripts loaded, so that no test's first command pays for the connection.
        first.prepare().await().atMost(Duration.ofSeconds(5));
        second.prepare().await().atMost(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeInstances() {
        client.close();
    }

    /**
     * Blocks the single-threaded server for {@code seconds} ({@code DEBUG SLEEP}) from another thread, and returns once
     * the pause has begun (a PING goes unanswered); join the thread to wait for its end.
     */
    private static Thread pauseRedis(String seconds) {
        Thread sleeper = new Thread(() -> {
            try {
                server.command("DEBUG", "SLEEP", seconds);
            } catch (Exception ignored) {
                // the server answers OK after the pause
            }
        });
        sleeper.start();
        await("the pause").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> !server.answersWithin(Duration.ofMillis(30)));
        return sleeper;
    }

    /** An account's set-margin-mode lane, keyed as the Bitget edge keys it: account id, then endpoint. */
    private static Lane changes(String account) {
        return TestLimits.fivePerSecond(account + ":set-margin-mode");
    }

    private static Permit now(RedisRateLimiter limiter, String account) {
        return limiter.acquire(changes(account), Duration.ofSeconds(2)).await().atMost(QUICK);
    }

    private static CompletableFuture<Permit> later(RedisRateLimiter limiter, String account, Duration maxWait) {
        return limiter.acquire(changes(account), maxWait).subscribeAsCompletionStage();
    }

    @Test
    void twoInstancesShareOneBudgetPerAccount() throws Exception {
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            permits.add(now(first, "account-a"));
        }
        for (int i = 0; i < 2; i++) {
            permits.add(now(second, "account-a"));
        }
        CompletableFuture<Permit> sixth = later(second, "account-a", Duration.ofSeconds(3));
        // Five calls are in flight: the sixth waits, whichever instance asks.
        await("the sixth caller waiting").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1))
                .until(() -> !sixth.isDone());

        permits.get(0).release();
        Permit admitted = sixth.get(3, TimeUnit.SECONDS);
        assertTrue(admitted.waited().toMillis() >= 1400,
                "admitted one second after the first call ended, not before: waited " + admitted.waited());
    }

    @Test
    void budgetsOfTwoAccountsDoNotInterfere() {
        for (int i = 0; i < 5; i++) {
            now(first, "account-a");
        }
        for (int i = 0; i < 5; i++) {
            now(second, "account-b");
        }
        for (int i = 0; i < 10; i++) {
            first.acquire(new Lane("account-a:account", 10, "account"), Duration.ofSeconds(2)).await().atMost(QUICK);
        }
    }

    @Test
    void admitsExactlyTheLimitAmongConcurrentCallersOfBothInstances() throws Exception {
        List<CompletableFuture<Permit>> callers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            callers.add(later(i % 2 == 0 ? first : second, "account-a", Duration.ofMillis(800)));
        }
        CompletableFuture.allOf(callers.stream().map(caller -> caller.handle((permit, failure) -> null))
                .toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        long admitted = callers.stream().filter(caller -> !caller.isCompletedExceptionally()).count();
        assertEquals(5, admitted, "no call ended, so no more than five may have been admitted");
        for (CompletableFuture<Permit> caller : callers) {
            if (caller.isCompletedExceptionally()) {
                CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, caller::join);
                assertInstanceOf(RateLimitExceededException.class, refused.getCause());
            }
        }
        assertEquals(5L, server.command("ZCARD", "test:rate-limit:account-a:set-margin-mode"));
    }

    @Test
    void aCallThatEndedStaysCountedForOneSecond() throws Exception {
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            permits.add(now(first, "account-a"));
        }
        permits.forEach(Permit::release);
        Permit next = later(second, "account-a", Duration.ofSeconds(3)).get(3, TimeUnit.SECONDS);
        assertTrue(next.waited().toMillis() >= 900, "waited " + next.waited());
    }

    @Test
    void keysAndValuesHoldOnlyTheGivenAccountIdCountsAndTimes() throws Exception {
        now(first, "0123abcd").release();
        now(second, "0123abcd");
        assertEquals(List.of("test:rate-limit:0123abcd:set-margin-mode"), server.command("KEYS", "*"));
        @SuppressWarnings("unchecked")
        List<String> membersAndScores = (List<String>) server.command("ZRANGE",
                "test:rate-limit:0123abcd:set-margin-mode", "0", "-1", "WITHSCORES");
        assertEquals(4, membersAndScores.size());
        for (int i = 0; i < membersAndScores.size(); i += 2) {
            assertTrue(membersAndScores.get(i).matches("[0-9a-f]+:\\d+"), "an instance id and a sequence number");
            assertTrue(membersAndScores.get(i + 1).matches("\\d+"), "a time in milliseconds");
        }
        long ttl = (Long) server.command("PTTL", "test:rate-limit:0123abcd:set-margin-mode");
        assertTrue(ttl > 0 && ttl <= 16_000, "the set expires by itself: " + ttl);
    }

    @Test
    void aScriptUnknownToRedisIsSentOnce() throws Exception {
        now(first, "account-a").release();
        server.command("SCRIPT", "FLUSH");
        now(second, "account-a");
        assertEquals(2L, server.command("ZCARD", "test:rate-limit:account-a:set-margin-mode"));
    }

    @Test
    void failsFastWhenRedisIsGone() throws Exception {
        server.kill();
        try {
            CompletableFuture<Permit> caller = later(first, "account-a", Duration.ofSeconds(2));
            CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> caller.orTimeout(2, TimeUnit.SECONDS).join());
            assertInstanceOf(RateLimitStoreUnavailableException.class, failure.getCause());
        } finally {
            server.restart();
        }
    }

    @Test
    void asksOnceMoreAfterOneTimeoutWithoutTakingASecondSlot() throws Exception {
        // Redis pauses for 350 ms: the first question times out after 250 ms, the second is answered. Redis runs
        // both once it wakes up; the member they share is counted once.
        Thread sleeper = pauseRedis("0.35");
        Permit permit = later(first, "paused-account", Duration.ofSeconds(3)).get(2, TimeUnit.SECONDS);
        sleeper.join();
        assertTrue(permit.waited().toMillis() >= 250, "the answer came after the pause: " + permit.waited());
        assertEquals(1L, server.command("ZCARD", "test:rate-limit:paused-account:set-margin-mode"));
    }

    @Test
    void failsWithinTheCommandTimeoutWhenRedisHangs() throws Exception {
        // DEBUG SLEEP blocks the single-threaded server: the limiter must not wait for it beyond three command timeouts.
        Thread sleeper = pauseRedis("2.5");
        CompletableFuture<Permit> caller = later(first, "hung-account", Duration.ofSeconds(5));
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> caller.orTimeout(2, TimeUnit.SECONDS).join());
        assertInstanceOf(RateLimitStoreUnavailableException.class, failure.getCause());
        sleeper.join();
        // The retries waited for new connections, whose handshake Redis answers only after the pause: they land late.
        // Let them land here, not in the next test's Redis.
        await("the late attempts").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> (Long) server.command("EXISTS", "test:rate-limit:hung-account:set-margin-mode") == 1);
        assertEquals(1L, server.command("ZCARD", "test:rate-limit:hung-account:set-margin-mode"),
                "the three attempts share one member: one slot, even when all of them land");
    }

    @Test
    void describesFailuresWithoutCredentials() {
        String described = RedisRateLimiter.describe(new IllegalStateException("cannot connect to redis://user:s3cret@cache:6379"));
        assertEquals("IllegalStateException: cannot connect to redis://***@cache:6379", described);
    }

    /**
     * The calls Redis still counts as in flight in a lane's set: members scored beyond the one second (and margin)
     * that an ended call stays counted, as Redis tells the time.
     */
    private static long inFlight(String key) throws Exception {
        @SuppressWarnings("unchecked")
        List<String> time = (List<String>) server.command("TIME");
        long nowMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        return (Long) server.command("ZCOUNT", key, "(" + (nowMillis + 1100), "+inf");
    }

    @Test
    void aTurnGrantedJustAfterItsCallerLeftGoesStraightBackToRedis() throws Exception {
        Lane lane = new Lane("grant-window:set-margin-mode", 1, "set-margin-mode");
        Permit held = first.acquire(lane, Duration.ofSeconds(5)).await().atMost(QUICK);
        Turn leaving = new Turn();
        List<Permit> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        first.acquire(lane, Duration.ofSeconds(5), leaving).subscribe().with(delivered::add, failure -> {
        });
        leaving.end();
        held.release();

        Permit behind = second.acquire(lane, Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(4));
        assertTrue(delivered.isEmpty(), "nothing reached the caller who left");
        assertEquals(1L, inFlight("test:rate-limit:grant-window:set-margin-mode"), "only the caller behind is in flight");
        behind.release();
    }

    @Test
    void callersCancelledAtRandomMomentsLeaveNoCallInFlightInRedis() throws Exception {
        Lane lane = changes("cancelled-callers");
        java.util.Random random = new java.util.Random(11);
        CancelledCallers.run((asked, maxWait, turn) -> (random.nextBoolean() ? first : second).acquire(asked, maxWait, turn),
                lane, 120, new java.util.Random(13));
        // Releases are reported to Redis asynchronously; they land within moments, not at the 15 s lease.
        await("every call reported ended").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> inFlight("test:rate-limit:cancelled-callers:set-margin-mode") == 0);
    }

    @Test
    void aPausedLaneLetsNoInstanceGoUntilThePauseEnds() throws Exception {
        first.pause(changes("paused-lane"), Duration.ofMillis(600)).await().atMost(QUICK);
        long start = System.nanoTime();
        Permit permit = later(second, "paused-lane", Duration.ofSeconds(3)).get(3, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(550),
                "the other instance waited for the pause: " + permit.waited());
        assertEquals(1L, server.command("ZCARD", "test:rate-limit:paused-lane:set-margin-mode"),
                "the pause is not a call: once over, only the one admitted call is counted");
    }

    @Test
    void everyInstanceCountsTheLiveOnes() throws Exception {
        assertEquals(1, first.announce(Duration.ofSeconds(3)).await().atMost(QUICK));
        assertEquals(2, second.announce(Duration.ofSeconds(3)).await().atMost(QUICK));
        assertEquals(2, first.announce(Duration.ofSeconds(3)).await().atMost(QUICK), "announcing again counts once");
        second.withdraw().await().atMost(QUICK);
        assertEquals(1, first.announce(Duration.ofSeconds(3)).await().atMost(QUICK));
        // An instance that stops announcing (it crashed) drops out once its announcement ran out.
        second.announce(Duration.ofMillis(200)).await().atMost(QUICK);
        await("the silent instance dropping out").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> first.announce(Duration.ofSeconds(3)).await().atMost(QUICK) == 1);
    }
}
