package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.problem;
import static io.bitgetmargin.testing.Facade.setupBatch;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code POST /v1/symbol-setup/batch}: one position-mode write per product type, never per symbol, every symbol's
 * steps in order, Bitget's per-endpoint limits held, and a refused position mode that stops every symbol of its
 * product type.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class SymbolSetupBatchTest {

    /** The eight USDT-margined contracts the simulator lists, and twelve more. */
    private static List<String> twentySymbols() {
        List<String> symbols = new ArrayList<>(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT",
                "1000PEPEUSDT", "龙虾USDT", "$DEGENUSDT"));
        for (int i = 0; i < 12; i++) {
            String symbol = "SETUP" + i + "USDT";
            Simulator.arrange(symbol, Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            symbols.add(symbol);
        }
        return symbols;
    }

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    @Tag(LambdaLimits.LONG_REQUEST)
    void setsUpTwentySymbolsWithOnePositionModeWriteAndBitgetsLimitsHeld() {
        List<String> symbols = twentySymbols();
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "isolated"));
        JsonPath answer = setupBatch(Facade.caller(), Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                "leverage", 3, "posMode", "one_way_mode", "symbols", symbols)).statusCode(200)
                .body("accountType", equalTo("classic"))
                .body("results.size()", equalTo(20))
                .body("summary.CHANGED", equalTo(20))
                .body("positionModes.size()", equalTo(1))
                .body("positionModes[0].scope", equalTo("USDT-FUTURES"))
                .body("positionModes[0].step.outcome", equalTo("CHANGED"))
                .extract().jsonPath();

        List<Map<String, Object>> results = answer.getList("results");
        for (int i = 0; i < symbols.size(); i++) {
            assertEquals(symbols.get(i), results.get(i).get("symbol"), "request order");
            assertEquals("CHANGED", results.get(i).get("outcome"), symbols.get(i));
            assertEquals(Map.of("marginMode", "isolated", "posMode", "one_way_mode", "crossedMarginLeverage", 20,
                    "isolatedLongLeverage", 3, "isolatedShortLeverage", 3), results.get(i).get("after"), symbols.get(i));
        }
        assertEquals("marginMode isolated UNCHANGED", describe(answer.getList("results[1].steps"), 1));

        assertEquals(1, Simulator.calls(Simulator.SET_POSITION_MODE).size(), "one write for the product type");
        assertEquals(19, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "ETHUSDT was isolated already");
        assertEquals(20, Simulator.calls(Simulator.FUTURES_SET_LEVERAGE).size(), "one-way: one call per symbol");
        assertTrue(Simulator.calls().stream().allMatch(call -> ((Number) call.get("status")).intValue() == 200),
                "Bitget never answered 429 or an error");
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SET_MARGIN_MODE)) <= 5, "set-margin-mode 5/s");
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.FUTURES_SET_LEVERAGE)) <= 5, "set-leverage 5/s");
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.ACCOUNT)) <= 10, "account reads 10/s");
        // Per symbol, the margin mode goes before its leverage, and both after the position mode.
        long positionModeAt = ((Number) Simulator.calls(Simulator.SET_POSITION_MODE).get(0).get("receivedAtMillis"))
                .longValue();
        for (Map<String, Object> call : Simulator.calls()) {
            if (!Simulator.ACCOUNT.equals(call.get("path")) && !Simulator.CONTRACTS.equals(call.get("path"))) {
                assertTrue(((Number) call.get("receivedAtMillis")).longValue() >= positionModeAt, String.valueOf(call));
            }
        }
        for (String symbol : symbols) {
            List<String> order = Simulator.calls().stream()
                    .filter(call -> String.valueOf(call.get("body")).contains("\"symbol\":\"" + symbol + "\""))
                    .map(call -> (String) call.get("path")).toList();
            assertEquals(symbol.equals("ETHUSDT") ? List.of(Simulator.FUTURES_SET_LEVERAGE)
                    : List.of(Simulator.SET_MARGIN_MODE, Simulator.FUTURES_SET_LEVERAGE), order, symbol);
        }
    }

    private static String describe(List<Map<String, Object>> steps, int index) {
        Map<String, Object> step = steps.get(index);
        return step.get("setting") + " " + step.get("to") + " " + step.get("outcome");
    }

    @Test
    void aRefusedPositionModeStopsEverySymbolOfItsProductTypeOnly() {
        Simulator.arrange("XRPUSDT", Map.of("openOrders", 1));
        JsonPath answer = setupBatch(Facade.caller(), Map.of("marginMode", "isolated", "posMode", "one_way_mode",
                "symbols", List.of("BTCUSDT", "ETHUSDT", "BTCPERP"))).statusCode(200)
                .body("summary.BLOCKED", equalTo(2))
                .body("summary.CHANGED", equalTo(1))
                .body("results[0].outcome", equalTo("BLOCKED"))
                .body("results[0].problem.code", equalTo("POSITION_MODE_BLOCKED"))
                .body("results[0].problem.bitgetCode", equalTo("40920"))
                .body("results[0].steps[0].outcome", equalTo("FAILED"))
                .body("results[0].steps[1].outcome", equalTo("SKIPPED"))
                .body("results[1].steps[1].outcome", equalTo("SKIPPED"))
                .body("results[2].symbol", equalTo("BTCPERP"))
                .body("results[2].outcome", equalTo("CHANGED"))
                .body("positionModes.size()", equalTo(2))
                .extract().jsonPath();
        assertEquals("USDT-FUTURES", answer.getString("positionModes[0].scope"));
        assertEquals("FAILED", answer.getString("positionModes[0].step.outcome"));
        assertEquals("USDC-FUTURES", answer.getString("positionModes[1].scope"));
        assertEquals(2, Simulator.calls(Simulator.SET_POSITION_MODE).size(), "one per product type");
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "BTCPERP's only");
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"));
    }

    @Test
    void aDryRunPlansEverySymbolAndWritesNothing() {
        Simulator.arrange("SOLUSDT", Map.of("marginMode", "isolated", "longLeverage", 3, "shortLeverage", 3));
        setupBatch(Facade.as(TestAccounts.READER_TOKEN, null), Map.of("productType", "USDT-FUTURES", "marginMode",
                "isolated", "leverage", 3, "symbols", List.of("BTCUSDT", "SOLUSDT", "nosuchusdt", "BTC USDT"),
                "dryRun", true)).statusCode(200)
                .body("dryRun", equalTo(true))
                .body("results[0].outcome", equalTo("WOULD_CHANGE"))
                .body("results[1].outcome", equalTo("UNCHANGED"))
                .body("results[2].outcome", equalTo("FAILED"))
                .body("results[2].problem.code", equalTo("UNKNOWN_SYMBOL"))
                .body("results[3].outcome", equalTo("FAILED"))
                .body("results[3].problem.code", equalTo("INVALID_REQUEST"));
        assertTrue(Simulator.calls().stream().allMatch(call -> "GET".equals(call.get("method"))), "reads only");
        problem(setupBatch(Facade.as(TestAccounts.READER_TOKEN, null), Map.of("marginMode", "isolated",
                "symbols", List.of("BTCUSDT"))), 403, "SCOPE_MISSING");
    }

    @Test
    void refusesAnEmptyOrSettinglessBatch() {
        problem(setupBatch(Facade.caller(), Map.of("marginMode", "isolated", "symbols", List.of())), 400,
                "INVALID_REQUEST");
        problem(setupBatch(Facade.caller(), Map.of("symbols", List.of("BTCUSDT"))), 400, "INVALID_REQUEST");
        assertEquals(List.of(), Simulator.calls());
    }
}
