package io.bitgetmargin.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.HangingUpCaller;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Callers who hang up mid-request: nothing more is sent for them, and what was sent is read back and audited, with
 * nobody left to receive the answer. The test profile's read timeout is 1 s, its retries 50-200 ms apart.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@Tag(LambdaLimits.HANG_UPS)
class HangUpTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static String change(String symbol, String mode) {
        return "{\"symbol\":\"" + symbol + "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\""
                + mode + "\"}";
    }

    private static void awaitCalls(String path, int count) {
        await(count + " calls of " + path).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Simulator.calls(path).size() >= count);
    }

    @Test
    void aCallerWhoHangsUpWhileARetryWaitsCausesNoFurtherAttemptAndTheChangeIsReadBackAndAudited() throws Exception {
        // Bitget's gateway answers 503 and asks for 2 s: the retry waits at least that long.
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 503, "contentType", "text/html",
                "body", "<html>busy</html>", "retryAfter", "2", "times", 1));
        try (HangingUpCaller caller = HangingUpCaller.put(RestAssured.port, "/v1/margin-mode", "hang-up-retry",
                change("BTCUSDT", "isolated"))) {
            awaitCalls(Simulator.SET_MARGIN_MODE, 1);
        }
        Map<String, Object> audit = AuditLog.single("hang-up-retry");
        assertEquals("ABANDONED", audit.get("outcome"), audit.toString());
        assertEquals("isolated", audit.get("to"));
        // Well past the 2 s the retry would have waited: still only the one attempt.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() == 1);
        assertEquals(2, Simulator.calls(Simulator.ACCOUNT).size(), "the read before the change, and its read-back");
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"));
    }

    @Test
    void aChangeThatTookAfterItsCallerLeftIsAuditedAsChanged() throws Exception {
        // The change is applied, but its answer comes after the 1 s read timeout: the attempt times out.
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "delayMillis", 1500, "times", 1));
        try (HangingUpCaller caller = HangingUpCaller.put(RestAssured.port, "/v1/margin-mode", "hang-up-applied",
                change("ETHUSDT", "isolated"))) {
            awaitCalls(Simulator.SET_MARGIN_MODE, 1);
        }
        Map<String, Object> audit = AuditLog.single("hang-up-applied");
        assertEquals("CHANGED", audit.get("outcome"), "the read-back found the change applied: " + audit);
        assertEquals("crossed", audit.get("from"));
        assertNull(audit.get("bitgetCode"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "the timed-out change was not sent again");
        assertEquals(2, Simulator.calls(Simulator.ACCOUNT).size());
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedForItsTurnIsNeverSent() throws Exception {
        for (int i = 0; i < 6; i++) {
            Simulator.arrange("QUEUE" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
        // Five slow changes take the account's five set-margin-mode turns for about two seconds.
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "delayMillis", 800, "times", 5));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> five = new ArrayList<>();
        String base = "http://127.0.0.1:" + RestAssured.port;
        for (int i = 0; i < 5; i++) {
            five.add(http.sendAsync(FacadeRequests.changeMarginMode(base, TestAccounts.TOKEN, "QUEUE" + i + "USDT",
                    "isolated", Duration.ofSeconds(20)), HttpResponse.BodyHandlers.ofString()));
        }
        awaitCalls(Simulator.SET_MARGIN_MODE, 5);
        try (HangingUpCaller caller = HangingUpCaller.put(RestAssured.port, "/v1/margin-mode", "hang-up-queued",
                change("QUEUE5USDT", "isolated"))) {
            awaitCalls(Simulator.ACCOUNT, 6);
            // Its read is done; now it waits for a set-margin-mode turn.
            Thread.sleep(100);
        }
        for (CompletableFuture<HttpResponse<String>> answer : five) {
            assertEquals(200, answer.get(20, TimeUnit.SECONDS).statusCode());
        }
        Map<String, Object> audit = AuditLog.single("hang-up-queued");
        assertEquals("ABANDONED", audit.get("outcome"), audit.toString());
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() == 5);
        assertEquals("crossed", Simulator.symbol("QUEUE5USDT").get("marginMode"));
    }
}
