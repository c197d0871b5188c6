package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Facade callers need one of the configured bearer tokens; health stays open. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class AuthenticationTest {

    private static final Map<String, String> BODY = Map.of("symbol", "BTCUSDT", "productType", "USDT-FUTURES",
            "marginCoin", "USDT", "marginMode", "isolated");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void refusesACallWithoutToken() {
        MarginModeResourceTest.problem(
                given().contentType(ContentType.JSON).body(BODY).when().put("/v1/margin-mode").then(),
                401, "UNAUTHORIZED")
                .header("WWW-Authenticate", "Bearer");
        assertEquals(0, Simulator.requests().size());
    }

    @Test
    void refusesAWrongToken() {
        MarginModeResourceTest.problem(
                given().auth().oauth2("test-tokeN").contentType(ContentType.JSON).body(BODY)
                        .when().put("/v1/margin-mode").then(),
                401, "UNAUTHORIZED");
        assertEquals(0, Simulator.requests().size());
    }

    @Test
    void refusesAPrefixOfAToken() {
        MarginModeResourceTest.problem(
                given().auth().oauth2("test-").contentType(ContentType.JSON).body(BODY)
                        .when().put("/v1/margin-mode").then(),
                401, "UNAUTHORIZED");
    }

    @Test
    void refusesBasicAuthentication() {
        MarginModeResourceTest.problem(
                given().auth().preemptive().basic("user", LoopbackBitget.TOKEN).contentType(ContentType.JSON).body(BODY)
                        .when().put("/v1/margin-mode").then(),
                401, "UNAUTHORIZED");
    }

    @Test
    void checksTheTokenBeforeTheBody() {
        MarginModeResourceTest.problem(
                given().contentType(ContentType.JSON).body("{not json").when().put("/v1/margin-mode").then(),
                401, "UNAUTHORIZED");
    }

    @Test
    void acceptsEveryConfiguredToken() {
        given().auth().oauth2(LoopbackBitget.TOKEN).contentType(ContentType.JSON).body(BODY)
                .when().put("/v1/margin-mode").then().statusCode(200);
        given().header("Authorization", "bearer " + LoopbackBitget.SECOND_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("symbol", "BTCUSDT", "productType", "USDT-FUTURES", "marginCoin", "USDT", "marginMode", "crossed"))
                .when().put("/v1/margin-mode").then().statusCode(200);
        assertEquals(2, Simulator.requests(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void keepsHealthOpen() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
