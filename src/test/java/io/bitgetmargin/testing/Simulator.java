package io.bitgetmargin.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The loopback simulator's control API, for arranging state and asserting what Bitget saw. */
public final class Simulator {

    public static final String SET_MARGIN_MODE = "/api/v2/mix/account/set-margin-mode";
    public static final String ACCOUNT = "/api/v2/mix/account/account";
    public static final String SERVER_TIME = "/api/v2/public/time";
    public static final String SETTINGS = "/api/v3/account/settings";
    public static final String SET_LEVERAGE = "/api/v3/account/set-leverage";
    public static final String SET_HOLD_MODE = "/api/v3/account/set-hold-mode";
    public static final String FUTURES_SET_LEVERAGE = "/api/v2/mix/account/set-leverage";
    public static final String SET_POSITION_MODE = "/api/v2/mix/account/set-position-mode";
    public static final String CONTRACTS = "/api/v2/mix/market/contracts";

    private Simulator() {
    }

    public static String url() {
        String url = System.getProperty(LoopbackBitget.URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("the loopback Bitget simulator is not running");
        }
        return url;
    }

    private static RequestSpecification control() {
        return given().baseUri(url()).contentType(ContentType.JSON);
    }

    public static void reset() {
        control().post("/simulator/reset").then().statusCode(204);
    }

    /** Merges fields into a symbol's state on the default test key, e.g. {@code Map.of("openPositions", 1)}. */
    public static void arrange(String symbol, Map<String, Object> fields) {
        arrange(TestAccounts.API_KEY, symbol, fields);
    }

    /** Merges fields into a symbol's state on any key. */
    public static void arrange(String apiKey, String symbol, Map<String, Object> fields) {
        control().body(fields).put("/simulator/accounts/{key}/symbols/{symbol}", apiKey, symbol).then().statusCode(200);
    }

    public static Map<String, Object> symbol(String symbol) {
        return symbol(TestAccounts.API_KEY, symbol);
    }

    public static Map<String, Object> symbol(String apiKey, String symbol) {
        return control().get("/simulator/accounts/{key}/symbols/{symbol}", apiKey, symbol)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Replaces what the simulator expects for an API key. */
    public static void key(String apiKey, String secretKey, String passphrase, boolean demoTrading) {
        control().body(Map.of("secretKey", secretKey, "passphrase", passphrase, "demoTrading", demoTrading))
                .put("/simulator/accounts/{key}", apiKey).then().statusCode(204);
    }

    /**
     * Replaces what the simulator expects for an API key with a key of a unified trading account; {@code settings} may
     * set its {@code accountMode}, {@code accountLevel} and {@code holdMode}. Its contracts start afresh.
     */
    public static void unifiedKey(String apiKey, String secretKey, String passphrase, boolean demoTrading,
            Map<String, Object> settings) {
        Map<String, Object> key = new java.util.HashMap<>(settings);
        key.putAll(Map.of("secretKey", secretKey, "passphrase", passphrase, "demoTrading", demoTrading,
                "accountType", "unified"));
        control().body(key).put("/simulator/accounts/{key}", apiKey).then().statusCode(204);
    }

    /** Sets the simulator's per-key limits, e.g. {@code Map.of("settingsReadsPerSecond", 1000)}. */
    public static void limits(Map<String, Integer> limits) {
        control().body(limits).put("/simulator/limits").then().statusCode(204);
    }

    public static void forgetKey(String apiKey) {
        control().delete("/simulator/accounts/{key}", apiKey).then().statusCode(204);
    }

    /** Queues a fault for the next matching Bitget call(s). */
    public static void fault(Map<String, Object> fault) {
        control().body(fault).post("/simulator/faults").then().statusCode(204);
    }

    /** The next call on {@code path} is refused with HTTP 400 and Bitget's envelope of {@code code} and {@code msg}. */
    public static void refuseNext(String path, String code, String msg) {
        fault(Map.of("path", path, "status", 400, "contentType", "application/json",
                "body", "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"requestTime\":1,\"data\":null}"));
    }

    /** Moves the simulated Bitget clock. */
    public static void clockOffset(long millis) {
        control().body(Map.of("offsetMillis", millis)).put("/simulator/clock").then().statusCode(204);
    }

    /**
     * The signed calls the simulator saw since the last reset, oldest first: what the service sent for accounts. The
     * public server-time calls are left out, because the service makes them in the background whenever it likes.
     */
    public static List<Map<String, Object>> calls() {
        return everyRequest().stream().filter(request -> !SERVER_TIME.equals(request.get("path"))).toList();
    }

    /** The signed calls on one path. */
    public static List<Map<String, Object>> calls(String path) {
        return everyRequest().stream().filter(request -> path.equals(request.get("path"))).toList();
    }

    /** Every request the simulator saw since the last reset, the background server-time calls included. */
    public static List<Map<String, Object>> everyRequest() {
        return control().get("/simulator/requests").then().statusCode(200).extract().jsonPath().getList("");
    }
}
