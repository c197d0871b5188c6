package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.change;
import static io.bitgetmargin.testing.Facade.put;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The facade against the loopback Bitget simulator: successes and every mapped Bitget outcome. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class MarginModeResourceTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void changesCrossedSymbolToIsolatedAndSendsTheDocumentedBytes() {
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "crossed", "longLeverage", 25, "shortLeverage", 20));

        put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated"))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("symbol", equalTo("BTCUSDT"))
                .body("productType", equalTo("USDT-FUTURES"))
                .body("marginCoin", equalTo("USDT"))
                .body("marginMode", equalTo("isolated"))
                .body("longLeverage", equalTo(25))
                .body("shortLeverage", equalTo(20))
                .body("outcome", equalTo("CHANGED"));

        List<Map<String, Object>> calls = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertEquals(1, calls.size());
        Map<String, Object> call = calls.get(0);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}",
                call.get("body"));
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) call.get("headers");
        assertEquals(TestAccounts.API_KEY, headers.get("Access-key"));
        assertEquals("en-US", headers.get("Locale"));
        assertEquals("application/json", headers.get("Content-type"));
        assertFalse(headers.containsKey("Paptrading"), "no paptrading header without demo trading");
        assertFalse(headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("X-CHANNEL-API-CODE")),
                "no broker header");
        assertEquals("isolated", Simulator.symbol("BTCUSDT").get("marginMode"));
    }

    @Test
    void acceptsAChunkedBody() throws Exception {
        byte[] body = "{\"symbol\":\"BTCUSDT\",\"marginMode\":\"isolated\"}".getBytes(StandardCharsets.UTF_8);
        // HTTP/1.1 with a body of unknown length: chunked.
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/margin-mode"))
                        .header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("CHANGED", JsonPath.from(answer.body()).getString("outcome"));
    }

    @Test
    void normalisesLooseInputBeforeSigning() {
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "isolated"));

        put(change("  ethusdt ", "usdt-futures", " usdt", "CROSS"))
                .statusCode(200)
                .body("symbol", equalTo("ETHUSDT"))
                .body("marginMode", equalTo("crossed"));

        assertEquals("{\"symbol\":\"ETHUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"crossed\"}",
                Simulator.calls(Simulator.SET_MARGIN_MODE).get(0).get("body"));
        assertEquals("crossed", Simulator.symbol("ETHUSDT").get("marginMode"));
    }

    @Test
    void acceptsFixedAsIsolatedOnCoinFutures() {
        put(change("btcusd", "COIN-FUTURES", "btc", "fixed"))
                .statusCode(200)
                .body("symbol", equalTo("BTCUSD"))
                .body("marginCoin", equalTo("BTC"))
                .body("marginMode", equalTo("isolated"));
    }

    @Test
    void signsNonLatinSymbolsOverTheirUtf8Bytes() {
        put(change("龙虾usdt", "USDT-FUTURES", "USDT", "isolated"))
                .statusCode(200)
                .body("symbol", equalTo("龙虾USDT"));
        // The simulator recomputed the signature over the bytes it received and accepted it.
        assertEquals("{\"symbol\":\"龙虾USDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}",
                Simulator.calls(Simulator.SET_MARGIN_MODE).get(0).get("body"));
    }

    @Test
    void signsDollarSymbols() {
        put(change("$degenusdt", "USDT-FUTURES", "USDT", "isolated"))
                .statusCode(200)
                .body("symbol", equalTo("$DEGENUSDT"));
    }

    @Test
    void refusesWithConflictWhilePositionsOrOrdersAreOpen() {
        Simulator.arrange("BTCUSDT", Map.of("openPositions", 1, "openOrders", 2));

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 409, "POSITION_OR_ORDER_OPEN")
                .body("retryable", equalTo(false))
                .body("bitgetCode", equalTo("45117"))
                .body("bitgetMsg", containsString("positions or orders"))
                .body("detail", containsString("close the positions and cancel the open and plan orders"));
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "45117 is never retried");
    }

    @Test
    void reportsWrongPassphraseAsBitgetAuthFailure() {
        Simulator.key(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, "another-passphrase", false);

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "BITGET_AUTH_FAILED")
                .body("bitgetCode", equalTo("40012"))
                .body("detail", containsString("BITGET_PASSPHRASE"));
        assertEquals(1, Simulator.calls().size(), "authentication failures are never retried");
    }

    @Test
    void reportsWrongSecretAsBitgetAuthFailure() {
        Simulator.key(TestAccounts.API_KEY, "another-secret", TestAccounts.PASSPHRASE, false);

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "BITGET_AUTH_FAILED")
                .body("bitgetCode", equalTo("40009"));
    }

    @Test
    void reportsUnknownKeyAsBitgetAuthFailure() {
        Simulator.forgetKey(TestAccounts.API_KEY);

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "BITGET_AUTH_FAILED")
                .body("bitgetCode", equalTo("40006"));
    }

    @Test
    void reportsDemoKeyWithoutDemoModeAsWrongEnvironment() {
        Simulator.key(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, true);

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "WRONG_ENVIRONMENT")
                .body("bitgetCode", equalTo("40099"))
                .body("detail", containsString("bitget.demo-trading"));
    }

    @Test
    void reportsUnknownSymbol() {
        Facade.problem(put(change("NOSUCHUSDT", "USDT-FUTURES", "USDT", "isolated")), 422, "UNKNOWN_SYMBOL")
                .body("bitgetCode", equalTo("40034"));
    }

    @Test
    void reportsWrongMarginCoin() {
        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDC", "isolated")), 422, "MARGIN_COIN_NOT_SUPPORTED")
                .body("bitgetCode", equalTo("40778"));
    }

    @Test
    void keepsCodeAndMessageOfUnknownBitgetErrors() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 400,
                "body", "{\"code\":\"49999\",\"msg\":\"Something new\",\"requestTime\":1,\"data\":null}"));

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "BITGET_ERROR")
                .body("bitgetCode", equalTo("49999"))
                .body("bitgetMsg", equalTo("Something new"));
    }

    @Test
    void treatsHttp200WithAnErrorCodeAsAnError() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 200,
                "body", "{\"code\":\"49998\",\"msg\":\"Refused in a 200\",\"requestTime\":\"1700000000000\",\"data\":null}"));

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 502, "BITGET_ERROR")
                .body("bitgetCode", equalTo("49998"))
                .body("bitgetMsg", equalTo("Refused in a 200"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void mapsTruncatedJsonToUnavailableWithoutRetrying() {
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 200,
                "body", "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"symbol\":\"BTC"));

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 503, "BITGET_UNAVAILABLE");
        // A 200 may mean the change was applied: it is not resent blindly.
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void mapsAnHtmlBodyOnHttp200ToUnavailable() {
        Simulator.fault(Map.of("status", 200, "contentType", "text/html", "body", "<html>maintenance</html>"));

        Facade.problem(put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")), 503, "BITGET_UNAVAILABLE");
    }

    @Test
    void leavesLeveragesNullWhenBitgetGivesNone() {
        Simulator.fault(Map.of("status", 200, "body",
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"symbol\":\"BTCUSDT\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}}"));

        put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated"))
                .statusCode(200)
                .body("longLeverage", nullValue())
                .body("shortLeverage", nullValue());
    }

    @Test
    void signsEachCallWithAFreshTimestamp() {
        put(change("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")).statusCode(200);
        long firstSigned = Long.parseLong(SeenCalls.header(Simulator.calls(Simulator.SET_MARGIN_MODE).get(0), "ACCESS-TIMESTAMP"));
        // The next call must be signed in a later millisecond for the timestamps to differ at all.
        await().until(() -> System.currentTimeMillis() > firstSigned + 1);
        put(change("BTCUSDT", "USDT-FUTURES", "USDT", "crossed")).statusCode(200);

        List<Map<String, Object>> calls = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertEquals(2, calls.size());
        assertNotEquals(SeenCalls.header(calls.get(0), "ACCESS-TIMESTAMP"), SeenCalls.header(calls.get(1), "ACCESS-TIMESTAMP"));
        assertNotEquals(SeenCalls.header(calls.get(0), "ACCESS-SIGN"), SeenCalls.header(calls.get(1), "ACCESS-SIGN"));
    }

}
