package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.problem;
import static io.bitgetmargin.testing.Facade.setup;
import static io.bitgetmargin.testing.Facade.setupBatch;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The symbol setup on a unified trading account: the hold mode once for the account (set-hold-mode), margin mode and
 * leverage in one set-leverage, the settings read before and after.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class UnifiedSymbolSetupTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static RequestSpecification uta() {
        return Facade.as(TestAccounts.TOKEN, TestAccounts.UTA);
    }

    private static List<String> paths() {
        return Simulator.calls().stream().map(call -> (String) call.get("path"))
                .filter(path -> !Simulator.CONTRACTS.equals(path)).toList();
    }

    @Test
    void setsHoldModeThenMarginModeAndLeverageInOneCallAndReadsTheSettingsBack() {
        JsonPath answer = setup(uta(), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated", "leverage", 3,
                "posMode", "hedge")).statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("outcome", equalTo("CHANGED"))
                .body("before.marginMode", equalTo("crossed"))
                .body("before.posMode", equalTo("one_way_mode"))
                .body("before.leverage", equalTo(10))
                .body("before.crossedMarginLeverage", nullValue())
                .body("after.marginMode", equalTo("isolated"))
                .body("after.posMode", equalTo("hedge_mode"))
                .body("after.leverage", equalTo(3))
                .body("steps.outcome", equalTo(List.of("CHANGED", "CHANGED", "CHANGED")))
                .body("steps.setting", equalTo(List.of("posMode", "marginMode", "leverage")))
                .extract().jsonPath();
        assertEquals("10", answer.getString("steps[2].from"));
        assertEquals(List.of(Simulator.SETTINGS, Simulator.SET_HOLD_MODE, Simulator.SETTINGS, Simulator.SET_LEVERAGE,
                Simulator.SET_LEVERAGE, Simulator.SETTINGS), paths());
        List<Object> bodies = Simulator.calls().stream().filter(call -> !Simulator.SETTINGS.equals(call.get("path"))
                && !Simulator.CONTRACTS.equals(call.get("path"))).map(call -> call.get("body")).toList();
        assertEquals(List.of("{\"holdMode\":\"hedge_mode\"}",
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"3\",\"marginMode\":\"isolated\",\"posSide\":\"long\"}",
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"3\",\"marginMode\":\"isolated\",\"posSide\":\"short\"}"),
                bodies);

        // The same setup again, from the state it left: one settings read, nothing sent.
        Simulator.reset();
        Simulator.unifiedKey(TestAccounts.UTA_KEY, TestAccounts.UTA_SECRET, TestAccounts.UTA_PASSPHRASE, false,
                Map.of("holdMode", "hedge_mode"));
        Simulator.arrange(TestAccounts.UTA_KEY, "BTCUSDT", Map.of("marginMode", "isolated", "leverage", 3));
        setup(uta(), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated", "leverage", 3, "posMode", "hedge"))
                .statusCode(200).body("outcome", equalTo("UNCHANGED"));
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void aBatchWritesTheHoldModeOnceForTheAccount() {
        setupBatch(uta(), Map.of("posMode", "hedge_mode", "leverage", 5,
                "symbols", List.of("BTCUSDT", "ETHUSDT", "BTCPERP"))).statusCode(200)
                .body("summary.CHANGED", equalTo(3))
                .body("positionModes.size()", equalTo(1))
                .body("positionModes[0].scope", equalTo("account"))
                .body("results.after.leverage", equalTo(List.of(5, 5, 5)));
        assertEquals(1, Simulator.calls(Simulator.SET_HOLD_MODE).size());
        assertEquals(3, Simulator.calls(Simulator.SET_LEVERAGE).size(), "crossed: one call per symbol");
        assertEquals(3, Simulator.calls(Simulator.SETTINGS).size(), "before, after the hold mode, after all");
    }

    @Test
    void aRefusedSecondSideIsReportedFailedNotChanged() {
        Simulator.unifiedKey(TestAccounts.UTA_KEY, TestAccounts.UTA_SECRET, TestAccounts.UTA_PASSPHRASE, false,
                Map.of("holdMode", "hedge_mode"));
        // The long side's call is answered normally, the short side's refused.
        Simulator.fault(Map.of("path", Simulator.SET_LEVERAGE, "delayMillis", 1));
        Simulator.refuseNext(Simulator.SET_LEVERAGE, "40893", "not enough margin");
        JsonPath refused = problem(setup(uta(), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated", "leverage",
                3)), 409, "LEVERAGE_BLOCKED").extract().jsonPath();
        assertEquals(List.of("FAILED", "FAILED"), refused.getList("steps.outcome"));
        assertEquals("40893", refused.getString("steps[1].bitgetCode"));
        assertEquals(2, Simulator.calls(Simulator.SET_LEVERAGE).size());
    }

    @Test
    void refusesPerSideLeverageAndAHoldModeSwitchWithPositionsOpen() {
        problem(setup(uta(), "", Map.of("symbol", "BTCUSDT", "posMode", "hedge", "longLeverage", 5, "shortLeverage", 3)),
                400, "INVALID_REQUEST").body("errors[0].field", equalTo("longLeverage"));
        assertEquals(List.of(Simulator.SETTINGS), paths(), "refused before the hold-mode write");
        Simulator.arrange(TestAccounts.UTA_KEY, "ETHUSDT", Map.of("openPositions", 1));
        JsonPath refused = problem(setup(uta(), "", Map.of("symbol", "BTCUSDT", "posMode", "hedge", "marginMode",
                "isolated")), 502, "BITGET_ERROR").extract().jsonPath();
        assertEquals("FAILED", refused.getString("steps[0].outcome"));
        assertEquals("SKIPPED", refused.getString("steps[1].outcome"));
        assertEquals(0, Simulator.calls(Simulator.SET_LEVERAGE).size());
    }
}
