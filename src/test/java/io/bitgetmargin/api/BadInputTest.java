package io.bitgetmargin.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every kind of bad input is a 400 problem that names what is wrong, and Bitget sees no call at all. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class BadInputTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("missing symbol", "{\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("productType the symbol does not decide", "{\"symbol\":\"BTCEUR\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "add productType"),
                Arguments.of("marginCoin the symbol does not decide", "{\"symbol\":\"BTCEUR\",\"productType\":\"COIN-FUTURES\",\"marginMode\":\"isolated\"}", "add marginCoin"),
                Arguments.of("productType contradicting a ccxt symbol", "{\"symbol\":\"BTC/USDT:USDT\",\"productType\":\"COIN-FUTURES\",\"marginMode\":\"isolated\"}", "is a USDT-FUTURES contract"),
                Arguments.of("ccxt spot form", "{\"symbol\":\"BTC/USDT\",\"marginMode\":\"isolated\"}", "BASE/QUOTE:SETTLE"),
                Arguments.of("unknown v1 suffix", "{\"symbol\":\"BTCUSDT_XYZ\",\"marginMode\":\"isolated\"}", "v1 forms"),
                Arguments.of("missing marginMode", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\"}", "marginMode"),
                Arguments.of("blank symbol", "{\"symbol\":\"   \",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("null marginMode", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":null}", "marginMode"),
                Arguments.of("unknown productType", "{\"symbol\":\"BTCUSDT\",\"productType\":\"SPOT\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "productType"),
                Arguments.of("unknown marginMode", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"hedged\"}", "marginMode"),
                Arguments.of("number for symbol", "{\"symbol\":42,\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("boolean for marginMode", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":true}", "marginMode"),
                Arguments.of("object for marginCoin", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":{\"coin\":\"USDT\"},\"marginMode\":\"isolated\"}", "marginCoin"),
                Arguments.of("array for productType", "{\"symbol\":\"BTCUSDT\",\"productType\":[\"USDT-FUTURES\"],\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "productType"),
                Arguments.of("unknown field", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginmode\":\"isolated\"}", "marginmode"),
                Arguments.of("malformed JSON", "{\"symbol\":\"BTCUSDT\",\"productType\":", "not well-formed JSON"),
                Arguments.of("trailing garbage", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"} x", "JSON"),
                Arguments.of("JSON array body", "[\"BTCUSDT\"]", "JSON object"),
                Arguments.of("JSON string body", "\"BTCUSDT\"", "JSON object"),
                Arguments.of("JSON null body", "null", "request body"),
                Arguments.of("empty object", "{}", "symbol"),
                Arguments.of("symbol with a slash", "{\"symbol\":\"BTC/US/DT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("symbol with a query", "{\"symbol\":\"BTCUSDT?x=1\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("symbol with a percent escape", "{\"symbol\":\"BTC%55SDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("symbol with a control character", "{\"symbol\":\"BTC\\u0000USDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "U+0000"),
                Arguments.of("symbol with inner whitespace", "{\"symbol\":\"BTC USDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("symbol with a quote", "{\"symbol\":\"BTC\\\"USDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "symbol"),
                Arguments.of("symbol over 64 characters", "{\"symbol\":\"" + "A".repeat(65) + "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}", "at most 64"),
                Arguments.of("marginCoin with a dash", "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"US-DT\",\"marginMode\":\"isolated\"}", "marginCoin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesBadInputWithoutCallingBitget(String kind, String body, String detailMentions) {
        Facade.problem(
                Facade.put(body),
                400, "INVALID_REQUEST")
                .body("retryable", equalTo(false))
                .body("detail", containsString("Nothing was sent to Bitget"))
                .body(containsString(detailMentions));
        assertEquals(0, Simulator.calls().size(), "Bitget saw no call for " + kind);
    }

    @Test
    void refusesAnEmptyBodyWithoutCallingBitget() {
        Facade.problem(
                Facade.caller().contentType(ContentType.JSON).when().put("/v1/margin-mode").then(),
                400, "INVALID_REQUEST")
                .body("detail", containsString("request body"));
        assertEquals(0, Simulator.calls().size());
    }

    /** Over 8 KiB, whether the caller sends a Content-Length or a chunked body: refused before it is parsed. */
    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = { false, true })
    void refusesAnOversizedBodyBeforeCallingBitget(boolean chunked) throws Exception {
        byte[] body = ("{\"marginMode\":\"isolated\",\"symbols\":[\"" + "X".repeat(20_000) + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        // HTTP/1.1: HTTP/2 has no chunked encoding.
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/margin-mode/batch"))
                        .header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20)).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.headers().firstValue("Content-Type"));
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("REQUEST_TOO_LARGE", problem.getString("code"));
        assertTrue(problem.getString("detail").contains("8192 bytes"), problem.getString("detail"));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Facade.put("{\"symbol\":\"BTC USDT\",\"productType\":\"SPOT\",\"marginCoin\":\"US-DT\",\"marginMode\":\"hedged\"}")
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("symbol", "productType", "marginCoin", "marginMode"));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void refusesANonJsonContentType() {
        Facade.problem(
                Facade.caller().contentType(ContentType.TEXT).body("symbol=BTCUSDT").when().put("/v1/margin-mode").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void refusesAnUnsupportedMethod() {
        Facade.problem(
                Facade.caller().contentType(ContentType.JSON).body("{}").when().delete("/v1/margin-mode").then(),
                405, "METHOD_NOT_ALLOWED");
        assertEquals(0, Simulator.calls().size());
    }
}
