package io.bitgetmargin.ratelimit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The facade with {@code store=redis}: what lands in Redis, two accounts, and Redis dying and coming back. */
@QuarkusTest
@RequiresRedisServer
@WithTestResource(LoopbackBitget.class)
@WithTestResource(LoopbackRedis.class)
class RedisStoreTest {

    /** Where every test instance logs (the test profile of application.properties). */
    private static final Path LOG = Path.of("target", "quarkus-test.log");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static ValidatableResponse put(String account, String symbol, String mode) {
        return Facade.put(Facade.as(TestAccounts.TOKEN, account), "", Map.of("symbol", symbol, "marginMode", mode));
    }

    private static String readinessStore() {
        return given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().path("checks.find { it.name == 'bitget' }.data.rateLimitStore");
    }

    private static String sha256Prefix(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    @Test
    void countsInRedisUnderADigestOfTheApiKeyAndNothingSecret() throws Exception {
        assertEquals("redis", readinessStore());
        put(null, "BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        put("alice", "BTCUSDT", "isolated").statusCode(200);

        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) LoopbackRedis.current().command("KEYS", "*");
        String defaultAccount = "bitget-margin:rate-limit:" + sha256Prefix(TestAccounts.API_KEY);
        String alice = "bitget-margin:rate-limit:" + sha256Prefix(TestAccounts.ALICE_KEY);
        // The lanes, and the live instances, which hold random instance ids and times only.
        assertEquals(java.util.Set.of(alice + ":account", alice + ":set-margin-mode", defaultAccount + ":account",
                defaultAccount + ":set-margin-mode", "bitget-margin:rate-limit:instances"), java.util.Set.copyOf(keys));
        StringBuilder everything = new StringBuilder(String.join(" ", keys));
        for (String key : keys) {
            everything.append(' ').append(LoopbackRedis.current().command("ZRANGE", key, "0", "-1", "WITHSCORES"));
        }
        for (String secret : List.of(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE,
                TestAccounts.ALICE_KEY, "alice-secret", "alice-passphrase", "alice", "default")) {
            assertFalse(everything.toString().contains(secret), secret + " in Redis: " + everything);
        }
    }

    @Test
    @Tag(LambdaLimits.CONCURRENT_CALLERS)
    void accountsDoNotShareABudget() throws Exception {
        for (String key : List.of(TestAccounts.API_KEY, TestAccounts.ALICE_KEY)) {
            for (int i = 0; i < 5; i++) {
                Simulator.arrange(key, "R" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String account : List.of("default", "alice")) {
                for (int i = 0; i < 5; i++) {
                    String symbol = "R" + i + "USDT";
                    answers.add(pool.submit(() -> put(account, symbol, "isolated").extract().statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
            List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
            assertEquals(10, changes.size());
            assertEquals(10, SeenCalls.maxInAnySecond(changes), "five per account in one second: nobody waited");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fallsBackToInProcessLimitingWhenRedisDiesAndReturnsWhenItIsBack() throws Exception {
        long logBefore = Files.exists(LOG) ? Files.size(LOG) : 0;
        LoopbackRedis.current().kill();
        try {
            for (int i = 0; i < 6; i++) {
                put(null, "ETHUSDT", i % 2 == 0 ? "isolated" : "crossed").statusCode(200);
            }
            assertThat(readinessStore(), "memory (fallback: redis unreachable since ");
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("bitget_margin_limiter_store_degraded 1.0"), metrics);
            String log = newLog(logBefore);
            assertEquals(1, count(log, "Redis rate-limit store unavailable"), "one warning, not one per request:\n" + log);
        } finally {
            LoopbackRedis.current().restart();
        }
        await("back on Redis").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().equals("redis"));
        put(null, "ETHUSDT", "isolated").statusCode(200);
        assertTrue(((Long) LoopbackRedis.current().command("DBSIZE")) > 0, "counting in Redis again");
        assertTrue(given().get("/q/metrics").then().extract().asString().contains("bitget_margin_limiter_store_degraded 0.0"));
        assertEquals(1, count(newLog(logBefore), "Redis rate-limit store is back"));
    }

    @Test
    void anIdleInstanceNoticesARedisThatStallsFromItsHeartbeatsAlone() throws Exception {
        await("on Redis").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().equals("redis"));
        LoopbackRedis.current().pause();
        try {
            // No call at all: three unanswered heartbeats, a second apart, are an outage.
            await("the outage noticed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> readinessStore().startsWith("memory (fallback: redis unreachable since "));
        } finally {
            LoopbackRedis.current().resume();
        }
        await("back on Redis").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().equals("redis"));
    }

    void aRedisRestartedEmptyDoesNotWidenTheShareWhileTheInstancesComeBack() throws Exception {
        // Another instance announced for a minute, on Redis's clock: this one counts two.
        List<?> time = (List<?>) LoopbackRedis.current().command("TIME");
        long redisMillis = Long.parseLong((String) time.get(0)) * 1000 + Long.parseLong((String) time.get(1)) / 1000;
        LoopbackRedis.current().command("ZADD", "bitget-margin:rate-limit:instances", Long.toString(redisMillis + 60_000),
                "another-instance");
        await("two instances seen").atMost(Duration.ofSeconds(10)).until(() -> readinessShare().contains("2 instances"));
        LoopbackRedis.current().kill();
        try {
            await("degraded").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().startsWith("memory (fallback"));
        } finally {
            LoopbackRedis.current().restart();
        }
        // Restarted empty, Redis counts this instance alone until the other announces again, which it has not yet.
        await("returning").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().startsWith("redis (returning"));
        assertThat(readinessShare(), "max(1, floor(limit / 2)) of each lane: 2 instances seen in redis");
        await("back on Redis").atMost(Duration.ofSeconds(10)).until(() -> readinessStore().equals("redis"));
    }

    private static String readinessShare() {
        return given().get("/q/health/ready").then().statusCode(200)
                .extract().path("checks.find { it.name == 'bitget' }.data.rateLimitShare");
    }

    private static void assertThat(String actual, String prefix) {
        org.hamcrest.MatcherAssert.assertThat(actual, startsWith(prefix));
    }

    private static String newLog(long from) throws Exception {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
