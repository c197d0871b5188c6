package io.bitgetmargin.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Named accounts chosen with X-Bitget-Account, one of them signing with an RSA key; a token limited to one account;
 * separate rate limits per account.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class MultiAccountTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static ValidatableResponse put(String token, String account, String symbol, String mode) {
        return Facade.put(Facade.as(token, account), "", Map.of("symbol", symbol, "marginMode", mode));
    }

    @Test
    void signsWithTheNamedAccountsKeys() {
        put(TestAccounts.TOKEN, "alice", "BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        put(TestAccounts.TOKEN, "bob", "BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        put(TestAccounts.TOKEN, null, "BTCUSDT", "crossed").statusCode(200).body("outcome", equalTo("UNCHANGED"));

        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertEquals(List.of("alice-key", "bob-key"), changes.stream().map(call -> SeenCalls.header(call, "ACCESS-KEY")).toList());
        // Bob's key is an RSA key: its signature is the 344-character SHA256withRSA one, and the simulator checked it.
        assertEquals(344, SeenCalls.header(changes.get(1), "ACCESS-SIGN").length());
        assertEquals("1", SeenCalls.header(changes.get(1), "paptrading"), "bob is a demo account");
        assertEquals(null, SeenCalls.header(changes.get(0), "paptrading"));
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"), "the default account was not touched");
    }

    @Test
    void refusesAnUnknownAccount() {
        Facade.problem(put(TestAccounts.TOKEN, "carol", "BTCUSDT", "isolated"), 400, "UNKNOWN_ACCOUNT")
                .body("detail", containsString("carol"))
                .body("detail", containsString("[alice, bob, default, throttled, uta, uta-auto, uta-demo, uta-new]"));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void limitsARestrictedTokenToItsAccounts() {
        put(TestAccounts.ALICE_TOKEN, "alice", "BTCUSDT", "isolated").statusCode(200);
        Facade.problem(put(TestAccounts.ALICE_TOKEN, "bob", "BTCUSDT", "isolated"), 403, "ACCOUNT_FORBIDDEN");
        Facade.problem(put(TestAccounts.ALICE_TOKEN, null, "BTCUSDT", "isolated"), 403, "ACCOUNT_FORBIDDEN");
        Facade.problem(
                Facade.as(TestAccounts.ALICE_TOKEN, "bob").get("/v1/margin-mode?symbol=BTCUSDT").then(),
                403, "ACCOUNT_FORBIDDEN");
        assertEquals(2, Simulator.calls().size(), "only alice's read and change reached Bitget");
    }

    @Test
    void unrestrictedTokensUseEveryAccount() {
        put(TestAccounts.SECOND_TOKEN, "alice", "ETHUSDT", "isolated").statusCode(200);
        put(TestAccounts.SECOND_TOKEN, "bob", "ETHUSDT", "isolated").statusCode(200);
        put(TestAccounts.SECOND_TOKEN, "default", "ETHUSDT", "isolated").statusCode(200);
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
                    answers.add(pool.submit(() -> put(TestAccounts.TOKEN, account, symbol, "isolated").extract().statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
            assertEquals(10, changes.size());
            // One budget for both would never let more than five through in any second.
            assertTrue(SeenCalls.maxInAnySecond(changes) > 5, "two accounts, two budgets: "
                    + SeenCalls.maxInAnySecond(changes) + " changes in the busiest second");
            assertTrue(millis < 5000, "no account waited for the other: " + millis + " ms");
        } finally {
            pool.shutdownNow();
        }
    }
}
