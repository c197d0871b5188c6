package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Facade callers need one of the configured bearer tokens; health stays open. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class AuthenticationTest {

    private static final Map<String, String> BODY = Facade.change("BTCUSDT", "isolated");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void refusesACallWithoutToken() {
        Facade.problem(Facade.put(given(), "", BODY), 401, "UNAUTHORIZED")
                .header("WWW-Authenticate", "Bearer");
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void refusesAWrongToken() {
        Facade.problem(Facade.put(Facade.as("test-tokeN", null), "", BODY), 401, "UNAUTHORIZED");
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void refusesAPrefixOfAToken() {
        Facade.problem(Facade.put(Facade.as("test-", null), "", BODY), 401, "UNAUTHORIZED");
    }

    @Test
    void refusesBasicAuthentication() {
        Facade.problem(Facade.put(given().auth().preemptive().basic("user", TestAccounts.TOKEN), "", BODY), 401,
                "UNAUTHORIZED");
    }

    @Test
    void checksTheTokenBeforeTheBody() {
        Facade.problem(Facade.put(given(), "", "{not json"), 401, "UNAUTHORIZED");
    }

    @Test
    void acceptsEveryConfiguredToken() {
        Facade.put(BODY).statusCode(200);
        Facade.put(given().header("Authorization", "bearer " + TestAccounts.SECOND_TOKEN), "",
                Facade.change("BTCUSDT", "crossed")).statusCode(200);
        assertEquals(2, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void keepsHealthOpen() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
