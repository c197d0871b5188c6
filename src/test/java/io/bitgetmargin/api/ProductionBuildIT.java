package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/** The packaged production artifact has no embedded simulator: none of its paths answer. */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class ProductionBuildIT {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void servesNoSimulatorPaths() {
        given().contentType(ContentType.JSON)
                .body("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}")
                .post("/api/v2/mix/account/set-margin-mode").then().statusCode(404);
        given().get("/api/v2/public/time").then().statusCode(404);
        given().get("/api/v2/mix/account/account?symbol=BTCUSDT&productType=USDT-FUTURES&marginCoin=USDT")
                .then().statusCode(404);
        given().get("/simulator/requests").then().statusCode(404);
        given().post("/simulator/reset").then().statusCode(404);
        // The loopback simulator of the test saw none of these: the jar did not forward them either.
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void stillServesTheFacadeAndHealth() {
        given().get("/q/health/live").then().statusCode(200);
        Facade.put(Facade.change("BTCUSDT", "isolated")).statusCode(200);
    }
}
