package io.bitgetmargin.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The largest batches the facade takes, 200 symbols, are answered in full, symbol by symbol. Against the packaged
 * artifact ({@code FullBatchesIT}) they run within the native executable's heap defaults (README, "Memory"): the
 * native build and its integration tests run elsewhere, and the JVM integration tests here run with the same limits
 * ({@code quarkus.test.arg-line} in the pom). Bitget's limits are lifted on both sides, so that the batch takes
 * seconds rather than the minute Bitget's pace would make it.
 */
@QuarkusTest
@TestProfile(FullBatchesTest.LimitsLifted.class)
@WithTestResource(LoopbackBitget.class)
class FullBatchesTest {

    static final int MOST = 200;
    private static final int LIFTED = 100_000;
    private static final List<String> ENDPOINTS = List.of("set-margin-mode", "account-reads", "futures-set-leverage",
            "set-position-mode", "contracts");

    public static class LimitsLifted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ENDPOINTS.stream().collect(Collectors.toMap(
                    endpoint -> "bitget-margin.rate-limit." + endpoint + "-per-second", endpoint -> String.valueOf(LIFTED)));
        }
    }

    @BeforeEach
    void liftBitgetsLimits() {
        Simulator.reset();
        Simulator.limits(Stream.of("setMarginModePerSecond", "accountReadsPerSecond", "futuresSetLeveragePerSecond",
                "setPositionModePerSecond", "contractsPerSecond").collect(Collectors.toMap(name -> name, name -> LIFTED)));
    }

    @Test
    void changesTheMarginModeOfTwoHundredSymbolsInOneBatch() {
        List<String> symbols = symbols("FULLMM");
        JsonPath answer = Facade.batch(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated", "symbols", symbols))
                .statusCode(200)
                .body("results.size()", equalTo(MOST))
                .body("summary.CHANGED", equalTo(MOST))
                .extract().jsonPath();
        assertEquals(symbols, answer.getList("results.symbol"), "every symbol answered, in the request's order");
        assertEquals(MOST, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
        assertEquals("isolated", Simulator.symbol(symbols.get(MOST - 1)).get("marginMode"));
    }

    @Test
    void setsUpTwoHundredSymbolsInOneBatch() {
        List<String> symbols = symbols("FULLSET");
        JsonPath answer = Facade.setupBatch(Facade.caller(), Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                "leverage", 3, "posMode", "one_way_mode", "symbols", symbols))
                .statusCode(200)
                .body("results.size()", equalTo(MOST))
                .body("summary.CHANGED", equalTo(MOST))
                .body("positionModes.size()", equalTo(1))
                .extract().jsonPath();
        assertEquals(symbols, answer.getList("results.symbol"), "every symbol answered, in the request's order");
        assertEquals(MOST, Simulator.calls(Simulator.FUTURES_SET_LEVERAGE).size(), "one leverage call per symbol");
        assertEquals(Map.of("marginMode", "isolated", "posMode", "one_way_mode", "crossedMarginLeverage", 20,
                "isolatedLongLeverage", 3, "isolatedShortLeverage", 3), answer.getMap("results[" + (MOST - 1) + "].after"));
    }

    private static List<String> symbols(String prefix) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < MOST; i++) {
            String symbol = prefix + i + "USDT";
            Simulator.arrange(symbol, Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            symbols.add(symbol);
        }
        return symbols;
    }
}
