package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Upstream faults through the facade: each test asserts the caller's answer, how many requests Bitget saw, and that
 * every retry was signed afresh. The test profile allows 3 attempts, 50-200 ms backoff and a 1 s read timeout.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class FaultToleranceTest {

    private static final Map<String, String> ISOLATED = Facade.change("BTCUSDT", "isolated");

    @Inject
    BitgetClient bitget;

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @AfterEach
    void resynchroniseTheClock() {
        // A test may have moved the simulated Bitget clock; later tests start from an agreed offset.
        Simulator.reset();
        bitget.synchroniseClock().await().atMost(java.time.Duration.ofSeconds(5));
    }

    private static ValidatableResponse put() {
        return Facade.put(ISOLATED);
    }

    /** The set-margin-mode calls Bitget saw, asserting their number and that each carried its own signature. */
    private static List<Map<String, Object>> attempts(int expected) {
        List<Map<String, Object>> calls = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertEquals(expected, calls.size(), "set-margin-mode calls Bitget saw");
        assertEquals(expected, SeenCalls.distinct(calls, "ACCESS-SIGN"), "every attempt has a fresh signature");
        assertEquals(expected, SeenCalls.distinct(calls, "ACCESS-TIMESTAMP"), "every attempt has a fresh timestamp");
        return calls;
    }

    private static long receivedAt(Map<String, Object> call) {
        return ((Number) call.get("receivedAtMillis")).longValue();
    }

    @Test
    void retriesADelayBeyondTheTimeoutThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "delayMillis", 1500, "times", 1));
        put().statusCode(200).body("marginMode", equalTo("isolated"));
        attempts(2);
    }

    @Test
    void answersTimeoutWhenEveryAttemptTimesOut() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "delayMillis", 1500, "times", 3));
        Facade.problem(put(), 504, "BITGET_TIMEOUT").body("retryable", equalTo(true));
        attempts(3);
    }

    @Test
    void retriesAConnectionResetThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "dropConnection", true, "times", 1));
        put().statusCode(200);
        attempts(2);
    }

    @Test
    void answersUnavailableWhenTheConnectionKeepsDropping() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "dropConnection", true, "times", 3));
        Facade.problem(put(), 503, "BITGET_UNAVAILABLE").header("Retry-After", notNullValue());
        attempts(3);
    }

    @Test
    void retriesAnHtml500ThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 500, "contentType", "text/html",
                "body", "<html><body>Internal Server Error</body></html>", "times", 1));
        put().statusCode(200);
        attempts(2);
    }

    @Test
    void answersUnavailableWithRetryAfterWhenAnHtml502Persists() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 502, "contentType", "text/html",
                "body", "<html><h1>502 Bad Gateway</h1></html>", "times", 3));
        Facade.problem(put(), 503, "BITGET_UNAVAILABLE")
                .header("Retry-After", notNullValue())
                .body("retryable", equalTo(true));
        attempts(3);
    }

    @Test
    void retriesA429ThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 429, "body", "", "times", 1));
        put().statusCode(200);
        attempts(2);
    }

    @Test
    void answersRateLimitedWhenBitgetKeepsAnswering429() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 429,
                "body", "{\"code\":\"429\",\"msg\":\"Too Many Requests\"}", "times", 3));
        Facade.problem(put(), 429, "RATE_LIMITED")
                .header("Retry-After", notNullValue())
                .body("bitgetCode", equalTo("429"));
        attempts(3);
    }

    @Test
    void retriesSystemAbnormal40015ThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 400,
                "body", "{\"code\":\"40015\",\"msg\":\"System is abnormal, please try again later\",\"data\":null}", "times", 1));
        put().statusCode(200);
        attempts(2);
    }

    @Test
    void resynchronisesTheClockAfter40008ThenSucceeds() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 400,
                "body", "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"data\":null}", "times", 1));
        put().statusCode(200);
        List<Map<String, Object>> changes = attempts(2);
        assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE, Simulator.SET_MARGIN_MODE),
                Simulator.calls().stream().map(call -> call.get("path")).toList());
        long refused = receivedAt(changes.get(0));
        long accepted = receivedAt(changes.get(1));
        assertTrue(Simulator.everyRequest().stream().anyMatch(call -> Simulator.SERVER_TIME.equals(call.get("path"))
                && receivedAt(call) >= refused && receivedAt(call) <= accepted), "the clock was read between the two attempts");
    }

    @Test
    void producesAcceptedCallsWithAHostClockSixtySecondsOff() {
        // Bitget's clock 60 s ahead of ours is the same as our clock 60 s behind.
        Simulator.clockOffset(60_000);
        put().statusCode(200).body("marginMode", equalTo("isolated"));
        // The first call (the read) was refused, the clock resynchronised, and everything after was accepted.
        List<Map<String, Object>> reads = Simulator.calls(Simulator.ACCOUNT);
        assertEquals(List.of("40008", "00000"), reads.stream().map(call -> call.get("code")).toList());
        List<Map<String, Object>> calls = attempts(1);
        assertEquals("00000", calls.get(0).get("code"));
        long signedAt = Long.parseLong(SeenCalls.header(calls.get(0), "ACCESS-TIMESTAMP"));
        assertTrue(Math.abs(signedAt - (receivedAt(calls.get(0)) + 60_000)) < 5_000, "signed with Bitget's time");

        // Once synchronised, the next call is accepted the first time.
        Facade.put(Facade.change("ETHUSDT", "isolated")).statusCode(200);
        assertEquals(2, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
        assertEquals(3, Simulator.calls(Simulator.ACCOUNT).size());
    }

    @Test
    void answersClockSkewWhenResynchronisingDoesNotHelp() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 400,
                "body", "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"data\":null}", "times", 2));
        Facade.problem(put(), 502, "BITGET_CLOCK_SKEW").body("bitgetCode", equalTo("40008"));
        attempts(2);
    }

    @Test
    void doesNotRetryMalformedJson() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 200, "body", "{\"code\":\"00000\",\"data\":{", "times", 3));
        Facade.problem(put(), 503, "BITGET_UNAVAILABLE")
                .body("detail", containsString("not Bitget's JSON envelope"));
        attempts(1);
    }

    @Test
    void doesNotRetryAnErrorCodeInAnHttp200() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 200,
                "body", "{\"code\":\"45117\",\"msg\":\"Currently holding positions or orders\",\"data\":null}", "times", 3));
        Facade.problem(put(), 409, "POSITION_OR_ORDER_OPEN").body("bitgetCode", equalTo("45117"));
        attempts(1);
    }

    @Test
    @Tag(LambdaLimits.CONCURRENT_CALLERS)
    void spacesConcurrentCallsOfOneKeyAndRefusesWhatCannotWait() throws Exception {
        int callers = 20;
        for (int i = 0; i < callers; i++) {
            Simulator.arrange("C" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String symbol = "C" + i + "USDT";
                answers.add(pool.submit(() -> Facade.put(Map.of("symbol", symbol, "marginMode", "isolated"))
                        .extract().statusCode()));
            }
            int ok = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(30, TimeUnit.SECONDS);
                ok += status == 200 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertEquals(callers, ok + limited, "every caller got 200 or 429");
            assertTrue(ok >= 5, "calls within the 2 s wait were served: " + ok);
            assertTrue(limited >= 1, "calls beyond the 2 s wait were refused: " + limited);
            List<Map<String, Object>> seen = Simulator.calls(Simulator.SET_MARGIN_MODE);
            assertEquals(ok, seen.size(), "refused calls never reached Bitget");
            assertTrue(SeenCalls.maxInAnySecond(seen) <= 5, "at most 5 calls in any second");
            assertTrue(seen.stream().allMatch(call -> "00000".equals(call.get("code"))), "Bitget never answered 429");
            List<Map<String, Object>> reads = Simulator.calls(Simulator.ACCOUNT);
            assertTrue(SeenCalls.maxInAnySecond(reads) <= 10, "at most 10 account reads in any second");
            assertTrue(reads.stream().allMatch(call -> "00000".equals(call.get("code"))), "no read answered 429");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exposesCallsLatencyLimiterRetriesAndClockOffsetAsMetrics() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 503, "body", "", "times", 1));
        put().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("bitget_margin_calls_total{bitget_code=\"00000\",endpoint=\"set-margin-mode\",outcome=\"success\"}"), metrics);
        assertTrue(metrics.contains("bitget_upstream_latency_seconds_count{endpoint=\"set-margin-mode\",outcome=\"unavailable\"}"));
        assertTrue(metrics.contains("bitget_margin_limiter_wait_seconds_count{endpoint=\"set-margin-mode\",store=\"memory\"}"));
        assertTrue(metrics.contains("bitget_margin_limiter_store_degraded 0.0"), metrics);
        assertTrue(metrics.contains("bitget_margin_retries_total{endpoint=\"set-margin-mode\",reason=\"unavailable\"}"));
        assertTrue(metrics.contains("\nbitget_clock_offset "), "one clock offset, for every account");
    }
}
