package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.testing.AliceAccount;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Named accounts chosen with X-Bitget-Account, one of them signing with an RSA key; a token limited to one account;
 * separate rate limits per account.
 */
@QuarkusTest
@TestProfile(MultiAccountTest.TwoMoreAccounts.class)
@WithTestResource(LoopbackBitget.class)
class MultiAccountTest {

    static final String ALICE_TOKEN = "alice-desk-token";

    static String rsaPem() {
        try (InputStream in = MultiAccountTest.class.getResourceAsStream("/bitget/sign-vectors.json")) {
            return new ObjectMapper().readTree(in).get("rsaTestKey").get("privateKeyPkcs8Pem").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class TwoMoreAccounts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(AliceAccount.config());
            overrides.putAll(Map.of(
                    "bitget.accounts.bob.api-key", "bob-key",
                    "bitget.accounts.bob.secret-key", rsaPem(),
                    "bitget.accounts.bob.passphrase", "bob-passphrase",
                    "bitget.accounts.bob.demo-trading", "true",
                    "bitget-margin.tokens.alice-desk.token", ALICE_TOKEN,
                    "bitget-margin.tokens.alice-desk.accounts", "alice"));
            return overrides;
        }
    }

    @BeforeEach
    void registerTheKeysWithTheSimulator() {
        Simulator.reset();
        AliceAccount.registerWithSimulator();
        Simulator.key("bob-key", rsaPem(), "bob-passphrase", true);
    }

    private static ValidatableResponse put(String token, String account, String symbol, String mode) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("symbol", symbol, "marginMode", mode));
        if (account != null) {
            request.header("X-Bitget-Account", account);
        }
        return request.when().put("/v1/margin-mode").then();
    }

    @Test
    void signsWithTheNamedAccountsKeys() {
        put(LoopbackBitget.TOKEN, "alice", "BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        put(LoopbackBitget.TOKEN, "bob", "BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        put(LoopbackBitget.TOKEN, null, "BTCUSDT", "crossed").statusCode(200).body("outcome", equalTo("UNCHANGED"));

        List<Map<String, Object>> changes = Simulator.requests(Simulator.SET_MARGIN_MODE);
        assertEquals(List.of("alice-key", "bob-key"), changes.stream().map(call -> SeenCalls.header(call, "ACCESS-KEY")).toList());
        // Bob's key is an RSA key: its signature is the 344-character SHA256withRSA one, and the simulator checked it.
        assertEquals(344, SeenCalls.header(changes.get(1), "ACCESS-SIGN").length());
        assertEquals("1", SeenCalls.header(changes.get(1), "paptrading"), "bob is a demo account");
        assertEquals(null, SeenCalls.header(changes.get(0), "paptrading"));
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"), "the default account was not touched");
    }

    @Test
    void refusesAnUnknownAccount() {
        MarginModeResourceTest.problem(put(LoopbackBitget.TOKEN, "carol", "BTCUSDT", "isolated"), 400, "UNKNOWN_ACCOUNT")
                .body("detail", containsString("carol"))
                .body("detail", containsString("[alice, bob, default]"));
        assertEquals(0, Simulator.requests().size());
    }

    @Test
    void limitsARestrictedTokenToItsAccounts() {
        put(ALICE_TOKEN, "alice", "BTCUSDT", "isolated").statusCode(200);
        MarginModeResourceTest.problem(put(ALICE_TOKEN, "bob", "BTCUSDT", "isolated"), 403, "ACCOUNT_FORBIDDEN");
        MarginModeResourceTest.problem(put(ALICE_TOKEN, null, "BTCUSDT", "isolated"), 403, "ACCOUNT_FORBIDDEN");
        MarginModeResourceTest.problem(
                given().auth().oauth2(ALICE_TOKEN).header("X-Bitget-Account", "bob").get("/v1/margin-mode?symbol=BTCUSDT").then(),
                403, "ACCOUNT_FORBIDDEN");
        assertEquals(2, Simulator.requests().size(), "only alice's read and change reached Bitget");
    }

    @Test
    void unrestrictedTokensUseEveryAccount() {
        put(LoopbackBitget.SECOND_TOKEN, "alice", "ETHUSDT", "isolated").statusCode(200);
        put(LoopbackBitget.SECOND_TOKEN, "bob", "ETHUSDT", "isolated").statusCode(200);
        put(LoopbackBitget.SECOND_TOKEN, "default", "ETHUSDT", "isolated").statusCode(200);
    }

    @Test
    @Tag(LambdaLimits.CONCURRENT_CALLERS)
    void givesEachAccountItsOwnRateLimit() throws Exception {
        // Five changes on each of two accounts at once: within one account's limit each, so nobody waits past 1 s.
        for (String key : List.of("alice-key", "bob-key")) {
            for (int i = 0; i < 5; i++) {
                Simulator.arrange(key, "M" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (String account : List.of("alice", "bob")) {
                for (int i = 0; i < 5; i++) {
                    String symbol = "M" + i + "USDT";
                    answers.add(pool.submit(() -> put(LoopbackBitget.TOKEN, account, symbol, "isolated").extract().statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            List<Map<String, Object>> changes = Simulator.requests(Simulator.SET_MARGIN_MODE);
            assertEquals(10, changes.size());
            assertEquals(10, SeenCalls.maxInAnySecond(changes), "ten changes in one second: two accounts, five each");
            assertTrue(millis < 5000, "no account waited for the other: " + millis + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsAClockOffsetPerAccount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String account : List.of("default", "alice", "bob")) {
            assertTrue(metrics.contains("bitget_clock_offset{account=\"" + account + "\"}"), account);
        }
    }
}
