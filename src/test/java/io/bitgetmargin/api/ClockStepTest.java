package io.bitgetmargin.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Bitget's clock steps by a minute while twenty changes are in flight. Twenty changes of one account need four
 * seconds at Bitget's 5 a second, so the callers here may queue for longer than the default two seconds: every one
 * of them is meant to get its change, the clock step notwithstanding.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@TestProfile(ClockStepTest.PatientCallers.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
class ClockStepTest {

    private static final int CHANGES = 20;
    private static final int FEW = 5;

    public static class PatientCallers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitget-margin.rate-limit.max-wait", "20s");
        }
    }

    /**
     * Resets the simulator's clock, and lets the service measure it: a test before may have left both a minute ahead,
     * and a call that met that change and then the step would rightly be a skew, two changes in a row.
     */
    private static void settledClock() {
        Simulator.reset();
        Simulator.arrange("SETTLEUSDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        io.bitgetmargin.testing.Facade.get("symbol=SETTLEUSDT").statusCode(200);
        Simulator.reset();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static void arrange(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Simulator.arrange(prefix + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> changeAll(String prefix, int count) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(HTTP.sendAsync(FacadeRequests.changeMarginMode(base(), TestAccounts.TOKEN, prefix + i + "USDT",
                    "isolated", Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    private static long receivedAt(Map<String, Object> call) {
        return ((Number) call.get("receivedAtMillis")).longValue();
    }

    @Test
    void aClockStepUnderLoadCostsOneMeasurementAndNoCallerAnError() throws Exception {
        settledClock();
        arrange("STEP", CHANGES);
        List<CompletableFuture<HttpResponse<String>>> answers = changeAll("STEP", CHANGES);
        await("the first changes").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() >= 3);
        long stepAt = System.currentTimeMillis();
        Simulator.clockOffset(60_000);

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
        }
        List<Map<String, Object>> measurements = Simulator.everyRequest().stream()
                .filter(call -> Simulator.SERVER_TIME.equals(call.get("path")) && receivedAt(call) >= stepAt).toList();
        assertFalse(measurements.isEmpty(), "the clock was measured after the step");
        assertTrue(measurements.size() <= 3, "the refused calls shared the measurement: " + measurements.size());
        List<Map<String, Object>> refused = Simulator.calls().stream().filter(call -> "40008".equals(call.get("code")))
                .toList();
        assertFalse(refused.isEmpty(), "the step caught calls in flight, signed with the old offset");
        long resynchronised = receivedAt(measurements.get(0));
        for (Map<String, Object> call : refused) {
            assertTrue(receivedAt(call) <= resynchronised + 200,
                    "no call is signed with the old offset once the clock was measured again: " + call.get("path") + " at "
                            + (receivedAt(call) - resynchronised) + " ms");
        }
        assertEquals(CHANGES, Simulator.calls(Simulator.SET_MARGIN_MODE).stream()
                .filter(call -> "00000".equals(call.get("code"))).count(), "every change was made once");
    }

    /**
     * The step comes while a measurement started before it is still under way (its answer, slow, tells the old time).
     * Calls refused for the step must not take that measurement's offset: it predates the step. They wait for one of
     * their own, and every change succeeds. Five changes, so that the lanes have room and the second attempts go out
     * as soon as the offset they wait for is known.
     */
    @Test
    void callsRefusedForAStepNeverTakeAMeasurementThatStartedBeforeTheyWereSigned() throws Exception {
        settledClock();
        arrange("SLOW", FEW);
        // A read refused for its timestamp starts a measurement, whose answer comes 800 ms after it was asked.
        Simulator.refuseNext(Simulator.ACCOUNT, "40008", "Request timestamp expired");
        Simulator.fault(Map.of("path", Simulator.SERVER_TIME, "delayMillis", 800, "times", 1));
        CompletableFuture<HttpResponse<String>> trigger = HTTP.sendAsync(FacadeRequests.readMarginMode(base(),
                TestAccounts.TOKEN, "SLOW0USDT", Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        await("the slow measurement").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> Simulator.everyRequest().stream().anyMatch(call -> Simulator.SERVER_TIME.equals(call.get("path"))));
        Simulator.clockOffset(60_000);

        List<CompletableFuture<HttpResponse<String>>> answers = changeAll("SLOW", FEW);
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
        }
        // The read that started the old measurement was refused, measured, and refused again: a skew of its own.
        trigger.get(30, TimeUnit.SECONDS);
        assertTrue(Simulator.everyRequest().stream().filter(call -> Simulator.SERVER_TIME.equals(call.get("path")))
                .count() <= 4, "one measurement before the step, and few after it");
    }
}
