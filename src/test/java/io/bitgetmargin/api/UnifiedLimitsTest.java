package io.bitgetmargin.api;

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

/**
 * Each unified endpoint is a limiter lane of its own, per account, at Bitget's limit: 15 callers changing 15 symbols
 * of one unified account at once send at most 10 set-leverage calls and 20 settings reads in any second, and Bitget
 * never answers 429.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
class UnifiedLimitsTest {

    private static final int CALLERS = 15;

    @BeforeEach
    void fifteenSymbols() {
        Simulator.reset();
        for (int i = 0; i < CALLERS; i++) {
            Simulator.arrange(TestAccounts.UTA_KEY, "LANE" + i + "USDT",
                    Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
    }

    @Test
    void setLeverageAndSettingsEachKeepTheirOwnLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String symbol = "LANE" + i + "USDT";
                answers.add(pool.submit(() -> Facade.put(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA), "",
                        Map.of("symbol", symbol, "marginMode", "isolated")).extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_LEVERAGE);
        List<Map<String, Object>> reads = Simulator.calls(Simulator.SETTINGS);
        assertEquals(CALLERS, changes.size());
        assertEquals(2 * CALLERS, reads.size(), "a read before and a read-back after each change");
        // At the limit, not under it: the first ten changes go at once, and reads fill their twenty.
        assertEquals(10, SeenCalls.maxInAnySecond(changes), "set-leverage calls in any second");
        assertEquals(20, SeenCalls.maxInAnySecond(reads), "settings reads in any second");
        assertTrue(Simulator.calls().stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429),
                "Bitget never had to refuse a call");
    }
}
