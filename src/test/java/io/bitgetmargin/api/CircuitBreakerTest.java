package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** While Bitget keeps failing the breaker answers 503 without calling it, then recovers by itself. */
@QuarkusTest
@TestProfile(CircuitBreakerTest.SmallBreaker.class)
@WithTestResource(LoopbackBitget.class)
class CircuitBreakerTest {

    public static class SmallBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bitget-margin.circuit-breaker.request-volume-threshold", "4",
                    "bitget-margin.circuit-breaker.failure-ratio", "0.5",
                    "bitget-margin.circuit-breaker.delay", "1s",
                    "bitget-margin.circuit-breaker.success-threshold", "1",
                    "bitget-margin.retry.max-attempts", "1");
        }
    }

    private static io.restassured.response.ValidatableResponse put() {
        return given().auth().oauth2(LoopbackBitget.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("symbol", "BTCUSDT", "productType", "USDT-FUTURES", "marginCoin", "USDT", "marginMode", "isolated"))
                .put("/v1/margin-mode").then();
    }

    private static long mixCalls() {
        return Simulator.requests().stream().filter(call -> String.valueOf(call.get("path")).startsWith("/api/v2/mix/")).count();
    }

    @Test
    void opensWhileBitgetKeepsFailingThenClosesByItself() throws InterruptedException {
        Simulator.reset();
        CircuitBreakerMaintenance.get().reset(BitgetClient.CIRCUIT_BREAKER);
        // Only the account's calls: the background clock sync may call the time endpoint at any moment.
        Simulator.fault(Map.of("path", "/api/v2/mix/", "status", 500, "body", "oops", "times", 100));

        // The rolling window holds 4 calls; the background clock sync may be one of them, so it opens within 4.
        for (int i = 0; i < 4 && CircuitBreakerMaintenance.get().currentState(BitgetClient.CIRCUIT_BREAKER) != CircuitBreakerState.OPEN; i++) {
            MarginModeResourceTest.problem(put(), 503, "BITGET_UNAVAILABLE");
        }
        assertEquals(CircuitBreakerState.OPEN, CircuitBreakerMaintenance.get().currentState(BitgetClient.CIRCUIT_BREAKER));
        long callsBeforeOpen = mixCalls();
        assertTrue(callsBeforeOpen >= 2 && callsBeforeOpen <= 4, "opened after " + callsBeforeOpen + " failed calls");

        MarginModeResourceTest.problem(put(), 503, "BITGET_UNAVAILABLE")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("circuit breaker open"));
        assertEquals(callsBeforeOpen, mixCalls(), "an open breaker does not call Bitget");
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'bitget' }.data.circuitBreaker", org.hamcrest.Matchers.equalTo("OPEN"));
        given().get("/q/health/live").then().statusCode(200);

        Simulator.reset();
        Thread.sleep(1200);
        put().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState(BitgetClient.CIRCUIT_BREAKER));
        put().statusCode(200);
        assertEquals(1, Simulator.requests(Simulator.SET_MARGIN_MODE).size(), "changed once, then unchanged");
    }

    @Test
    void refusalsOfARequestNeverOpenTheBreaker() {
        Simulator.reset();
        CircuitBreakerMaintenance.get().reset(BitgetClient.CIRCUIT_BREAKER);
        Simulator.arrange("BTCUSDT", Map.of("openPositions", 1));
        for (int i = 0; i < 6; i++) {
            put().statusCode(409);
        }
        assertEquals(CircuitBreakerState.CLOSED, CircuitBreakerMaintenance.get().currentState(BitgetClient.CIRCUIT_BREAKER));
        assertEquals(6, Simulator.requests(Simulator.SET_MARGIN_MODE).size());
    }
}
