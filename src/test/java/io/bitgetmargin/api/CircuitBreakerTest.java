package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The breaker with its production window (10 requests, half of them failed) and retries (3 attempts): it rides
 * out a hiccup, stops an outage, keeps the instance ready, and closes by itself. The test profile only shortens the
 * time it stays open (1 s); every test starts with it closed.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class CircuitBreakerTest {

    @Inject
    BitgetClient bitget;

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static io.restassured.response.ValidatableResponse read() {
        return Facade.get("symbol=BTCUSDT");
    }

    /** Ten healthy requests: the window is full, as on a service that has been up for a while. */
    private static void healthyTraffic() {
        for (int i = 0; i < 10; i++) {
            read().statusCode(200);
        }
    }

    private static void assertReadyWithBreaker(String state) {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'bitget' }.data.circuitBreaker", equalTo(state));
    }

    @Test
    void ridesOutTwoRequestsThatExhaustTheirRetriesOnA502AndOnTimeouts() {
        healthyTraffic();
        // The blackout of the issue: one request meets three HTML 502 answers, the next three read timeouts.
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 502, "contentType", "text/html",
                "body", "<html><h1>502 Bad Gateway</h1></html>", "times", 3));
        Facade.problem(read(), 503, "BITGET_UNAVAILABLE");
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "delayMillis", 1500, "times", 3));
        Facade.problem(read(), 504, "BITGET_TIMEOUT");
        assertEquals(6, Simulator.calls(Simulator.ACCOUNT).size() - 10, "both requests used all three attempts");

        // Bitget is healthy again: so is the next request, and every one after it.
        read().statusCode(200).body("marginMode", equalTo("crossed"));
        Facade.put(Facade.change("BTCUSDT", "isolated")).statusCode(200).body("outcome", equalTo("CHANGED"));
        assertEquals(CircuitBreakerState.CLOSED, bitget.circuitBreakerState());
        assertReadyWithBreaker("CLOSED");
    }

    @Test
    void opensOnASustainedOutageAnswersAtOnceWithNothingSentStaysReadyAndClosesByItself() {
        healthyTraffic();
        // Bitget down for good: every path, the public time of the breaker's own probe included.
        Simulator.fault(Map.of("path", "/api/v2/", "status", 500, "body", "oops", "times", 10_000));
        for (int i = 0; i < 10 && bitget.circuitBreakerState() == CircuitBreakerState.CLOSED; i++) {
            Facade.problem(read(), 503, "BITGET_UNAVAILABLE").body("detail", containsString("HTTP 500"));
        }
        assertEquals(CircuitBreakerState.OPEN, bitget.circuitBreakerState(), "ten failed requests in a row open it");
        int sent = Simulator.calls().size();

        // While open: 503 at once, with Retry-After, and nothing reaches Bitget; the instance stays ready.
        for (int i = 0; i < 3; i++) {
            Facade.problem(read(), 503, "BITGET_UNAVAILABLE")
                    .header("Retry-After", notNullValue())
                    .body("retryable", equalTo(true))
                    .body("detail", containsString("circuit breaker open"));
        }
        Facade.problem(Facade.put(Facade.change("ETHUSDT", "isolated")), 503, "BITGET_UNAVAILABLE");
        assertEquals(sent, Simulator.calls().size(), "an open breaker sends nothing");
        assertReadyWithBreaker("OPEN");
        given().get("/q/health/live").then().statusCode(200);

        // Bitget answers again. Nobody calls the facade: the breaker probes by itself after its delay and closes.
        Simulator.reset();
        await("the breaker closing by itself").atMost(Duration.ofSeconds(5))
                .until(() -> bitget.circuitBreakerState() == CircuitBreakerState.CLOSED);
        assertEquals(0, Simulator.calls().size(), "the probe is the public time call, no account's request");
        read().statusCode(200);
        assertReadyWithBreaker("CLOSED");
    }

    @Test
    void refusalsOfARequestNeverOpenTheBreaker() {
        healthyTraffic();
        Simulator.arrange("BTCUSDT", Map.of("openPositions", 1));
        for (int i = 0; i < 12; i++) {
            Facade.problem(Facade.put(Facade.change("BTCUSDT", "isolated")), 409, "POSITION_OR_ORDER_OPEN");
        }
        Simulator.key(TestAccounts.API_KEY, "a-wrong-secret", TestAccounts.PASSPHRASE, false);
        for (int i = 0; i < 6; i++) {
            Facade.problem(read(), 502, "BITGET_AUTH_FAILED");
        }
        assertEquals(CircuitBreakerState.CLOSED, bitget.circuitBreakerState());
        assertEquals(12, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "refusals are not retried either");
    }
}
