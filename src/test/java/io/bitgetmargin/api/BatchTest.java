package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.batch;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One mode for many symbols: mixed outcomes, duplicates, dry runs, bounds, and Bitget's limit never crossed. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class BatchTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    @Tag(LambdaLimits.LONG_REQUEST)
    void answersEachOfSixtySymbolsWithoutEverDrawingA429() {
        List<String> symbols = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String symbol = "B" + i + "USDT";
            if (i % 6 == 5) {
                expected.put(symbol, "FAILED"); // unknown to Bitget
            } else {
                Map<String, Object> state = new HashMap<>(Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
                if (i % 6 == 0) {
                    state.put("marginMode", "isolated");
                    expected.put(symbol, "UNCHANGED");
                } else if (i % 6 == 1) {
                    state.put("openOrders", 2);
                    expected.put(symbol, "BLOCKED");
                } else {
                    expected.put(symbol, "CHANGED");
                }
                Simulator.arrange(symbol, state);
            }
            symbols.add(i % 2 == 0 ? symbol.toLowerCase() : symbol);
        }

        JsonPath answer = batch(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated", "symbols", symbols))
                .statusCode(200)
                .body("results.size()", equalTo(60))
                .body("marginMode", equalTo("isolated"))
                .extract().jsonPath();

        List<Map<String, Object>> results = answer.getList("results");
        for (int i = 0; i < 60; i++) {
            Map<String, Object> result = results.get(i);
            String symbol = "B" + i + "USDT";
            assertEquals(symbol, result.get("symbol"), "results keep the request's order");
            assertEquals(expected.get(symbol), result.get("outcome"), symbol);
        }
        Map<String, Object> blocked = results.get(1);
        assertEquals("45117", ((Map<?, ?>) blocked.get("problem")).get("bitgetCode"));
        assertTrue(String.valueOf(((Map<?, ?>) blocked.get("problem")).get("detail")).contains("close the positions"));
        Map<String, Object> unknown = results.get(5);
        assertEquals("UNKNOWN_SYMBOL", ((Map<?, ?>) unknown.get("problem")).get("code"));
        assertEquals(10, answer.getInt("summary.UNCHANGED"));
        assertEquals(10, answer.getInt("summary.BLOCKED"));
        assertEquals(30, answer.getInt("summary.CHANGED"));
        assertEquals(10, answer.getInt("summary.FAILED"));

        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertEquals(40, changes.size(), "changes were sent for the changed and the blocked symbols only");
        assertTrue(changes.stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429), "no 429 from Bitget");
        assertTrue(SeenCalls.maxInAnySecond(changes) <= 5, "at most 5 changes in any second");
        List<Map<String, Object>> reads = Simulator.calls(Simulator.ACCOUNT);
        assertTrue(reads.stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429), "no 429 on reads");
        assertTrue(SeenCalls.maxInAnySecond(reads) <= 10, "at most 10 reads in any second");
    }

    @Test
    void answersDuplicatesOnceWhateverTheirSpelling() {
        batch(Map.of("marginMode", "crossed", "symbols", List.of("ETHUSDT", "ethusdt", "ETH/USDT:USDT", "ETHUSDT_UMCBL", "BTCUSDT")))
                .statusCode(200)
                .body("results.size()", equalTo(2))
                .body("results[0].symbol", equalTo("ETHUSDT"))
                .body("results[0].outcome", equalTo("UNCHANGED"))
                .body("results[1].symbol", equalTo("BTCUSDT"));
        assertEquals(2, Simulator.calls(Simulator.ACCOUNT).size());
    }

    @Test
    void dryRunReportsWithoutChanging() {
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "isolated"));
        batch(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated", "symbols", List.of("BTCUSDT", "ETHUSDT"), "dryRun", true))
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("results[0].outcome", equalTo("WOULD_CHANGE"))
                .body("results[1].outcome", equalTo("UNCHANGED"));
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"));
    }

    @Test
    void reportsAnInvalidSymbolAsFailedWithoutStoppingTheOthers() {
        batch(Map.of("marginMode", "isolated", "symbols", List.of("BTC USDT", "BTCUSDT")))
                .statusCode(200)
                .body("results[0].outcome", equalTo("FAILED"))
                .body("results[0].problem.code", equalTo("INVALID_REQUEST"))
                .body("results[1].outcome", equalTo("CHANGED"));
    }

    @Test
    void refusesMoreSymbolsThanTheMaximumBeforeCallingBitget() {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            symbols.add("X" + i + "USDT");
        }
        Facade.problem(batch(Map.of("marginMode", "isolated", "symbols", symbols)), 400, "INVALID_REQUEST")
                .body("detail", containsString("more than the 200 allowed"));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void refusesABatchWithoutSymbolsOrMode() {
        Facade.problem(batch(Map.of("marginMode", "isolated", "symbols", List.of())), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("symbols"));
        Facade.problem(batch(Map.of("symbols", List.of("BTCUSDT"))), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("marginMode"));
        Facade.problem(batch(Map.of("marginMode", "isolated", "symbols", "BTCUSDT")), 400, "INVALID_REQUEST");
        assertEquals(0, Simulator.calls().size());
    }
}
