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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With {@code bitget.demo-trading=true} every signed call carries {@code paptrading: 1}. */
@QuarkusTest
@TestProfile(DemoTradingTest.DemoTrading.class)
@WithTestResource(LoopbackBitget.class)
class DemoTradingTest {

    public static class DemoTrading implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitget.demo-trading", "true");
        }
    }

    @BeforeEach
    void registerTheKeyAsADemoKey() {
        Simulator.reset();
        Simulator.key(LoopbackBitget.API_KEY, LoopbackBitget.SECRET_KEY, LoopbackBitget.PASSPHRASE, true);
    }

    @Test
    void sendsPaptradingWithADemoKey() {
        given().auth().oauth2(LoopbackBitget.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("symbol", "BTCUSDT", "productType", "USDT-FUTURES", "marginCoin", "USDT", "marginMode", "isolated"))
                .put("/v1/margin-mode").then()
                .statusCode(200)
                .body("marginMode", equalTo("isolated"));
        assertEquals("1", MarginModeResourceTest.header(Simulator.requests(Simulator.SET_MARGIN_MODE).get(0), "paptrading"));
    }

    @Test
    void reportsALiveKeyInDemoModeAsWrongEnvironment() {
        Simulator.key(LoopbackBitget.API_KEY, LoopbackBitget.SECRET_KEY, LoopbackBitget.PASSPHRASE, false);
        MarginModeResourceTest.problem(given().auth().oauth2(LoopbackBitget.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("symbol", "BTCUSDT", "productType", "USDT-FUTURES", "marginCoin", "USDT", "marginMode", "isolated"))
                .put("/v1/margin-mode").then(), 502, "WRONG_ENVIRONMENT")
                .body("bitgetCode", equalTo("40099"));
    }

    @Test
    void sendsTheSimulatedProductTypesWithoutPaptrading() {
        given().auth().oauth2(LoopbackBitget.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("symbol", "SBTCSUSDT", "marginMode", "isolated"))
                .put("/v1/margin-mode").then()
                .statusCode(200)
                .body("productType", equalTo("SUSDT-FUTURES"))
                .body("marginCoin", equalTo("SUSDT"));
        for (Map<String, Object> call : Simulator.requests()) {
            if (!"/api/v2/public/time".equals(call.get("path"))) {
                assertEquals(null, MarginModeResourceTest.header(call, "paptrading"), String.valueOf(call.get("path")));
            }
        }
    }
}
