package io.bitgetmargin.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Liveness never calls Bitget; readiness reports configuration and the circuit breaker. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class HealthTest {

    @Test
    void isLiveAndReadyWithoutCallingBitget() {
        Simulator.reset();
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("bitget-margin"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'bitget' }.data.credentials", equalTo("configured"))
                .body("checks.find { it.name == 'bitget' }.data.facadeTokens", equalTo("configured"))
                .body("checks.find { it.name == 'bitget' }.data.circuitBreaker", equalTo("CLOSED"));
        assertEquals(0, Simulator.calls().size(), "health checks never call Bitget");
    }
}
