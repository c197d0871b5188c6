package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.problem;
import static io.bitgetmargin.testing.Facade.setup;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * {@code PUT /v1/symbol-setup} on a classic account: the three settings in Bitget's order with one read-back, nothing
 * sent when they are right, dry runs, the contract's leverage range, per-side leverage in isolated hedge mode, and a
 * step refused after an earlier one was applied, reported with every step.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class SymbolSetupTest {

    private static final Map<String, Object> ISOLATED_3X_ONE_WAY = Map.of("symbol", "BTCUSDT", "marginMode", "isolated",
            "leverage", 3, "posMode", "one_way_mode");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    /** The signed calls, the public contracts list left out (it is cached, so whether it is called depends on order). */
    private static List<Map<String, Object>> signedCalls() {
        return Simulator.calls().stream().filter(call -> !Simulator.CONTRACTS.equals(call.get("path"))).toList();
    }

    private static List<String> paths() {
        return signedCalls().stream().map(call -> (String) call.get("path")).toList();
    }

    private static List<String> steps(JsonPath answer, String path) {
        List<Map<String, Object>> steps = answer.getList(path);
        return steps.stream().map(step -> step.get("setting") + " " + step.get("from") + "->" + step.get("to") + " "
                + step.get("outcome") + (step.get("bitgetCode") == null ? "" : " " + step.get("bitgetCode"))).toList();
    }

    @Test
    void changesCrossed20xHedgeToIsolated3xOneWayInBitgetsOrderWithOneReadBack() {
        JsonPath answer = setup("", ISOLATED_3X_ONE_WAY).statusCode(200)
                .body("symbol", equalTo("BTCUSDT"))
                .body("productType", equalTo("USDT-FUTURES"))
                .body("accountType", equalTo("classic"))
                .body("outcome", equalTo("CHANGED"))
                .body("before.marginMode", equalTo("crossed"))
                .body("before.posMode", equalTo("hedge_mode"))
                .body("before.crossedMarginLeverage", equalTo(20))
                .body("after.marginMode", equalTo("isolated"))
                .body("after.posMode", equalTo("one_way_mode"))
                .body("after.isolatedLongLeverage", equalTo(3))
                .body("after.isolatedShortLeverage", equalTo(3))
                .body("after.crossedMarginLeverage", equalTo(20))
                .extract().jsonPath();
        assertEquals(List.of("posMode hedge_mode->one_way_mode CHANGED", "marginMode crossed->isolated CHANGED",
                "longLeverage 20->3 CHANGED", "shortLeverage 20->3 CHANGED"), steps(answer, "steps"));
        // Read, position mode, read again (the switch may reset settings), margin mode, one leverage call, read back.
        assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_POSITION_MODE, Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE,
                Simulator.FUTURES_SET_LEVERAGE, Simulator.ACCOUNT), paths());
        List<Map<String, Object>> calls = signedCalls();
        assertEquals("{\"productType\":\"USDT-FUTURES\",\"posMode\":\"one_way_mode\"}", calls.get(1).get("body"));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"leverage\":\"3\"}",
                calls.get(4).get("body"), "isolated one-way: no holdSide");
        assertEquals("one_way_mode", Simulator.symbol("ETHUSDT").get("posMode"), "the position mode is the product type's");
    }

    @Test
    void theSameSetupAgainReadsOnceAndSendsNothing() {
        setup("", ISOLATED_3X_ONE_WAY).statusCode(200);
        Simulator.reset();
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "isolated", "longLeverage", 3, "shortLeverage", 3,
                "posMode", "one_way_mode"));
        JsonPath answer = setup("", ISOLATED_3X_ONE_WAY).statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("after.marginMode", equalTo("isolated"))
                .extract().jsonPath();
        assertEquals(List.of("posMode one_way_mode->one_way_mode UNCHANGED", "marginMode isolated->isolated UNCHANGED",
                "longLeverage 3->3 UNCHANGED", "shortLeverage 3->3 UNCHANGED"), steps(answer, "steps"));
        assertEquals(List.of(Simulator.ACCOUNT), paths());
    }

    @Test
    void aDryRunAnswersThePlanAndWritesNothing() {
        JsonPath answer = setup("dryRun=true", Map.of("symbol", "btcusdt", "marginMode", "isolated", "leverage", 20,
                "posMode", "one-way")).statusCode(200)
                .body("outcome", equalTo("WOULD_CHANGE"))
                .body("before.marginMode", equalTo("crossed"))
                .body("after", nullValue())
                .extract().jsonPath();
        assertEquals(List.of("posMode hedge_mode->one_way_mode WOULD_CHANGE", "marginMode crossed->isolated WOULD_CHANGE",
                "longLeverage 20->20 UNCHANGED", "shortLeverage 20->20 UNCHANGED"), steps(answer, "steps"));
        assertEquals(List.of(Simulator.ACCOUNT), paths());
        assertEquals("crossed", Simulator.symbol("BTCUSDT").get("marginMode"));
    }

    @Test
    void aLeverageOutsideTheContractsRangeIsA400NamingTheRangeWithNothingSent() {
        problem(setup("", Map.of("symbol", "BTCUSDT", "leverage", 126)), 400, "LEVERAGE_OUT_OF_RANGE")
                .body("detail", containsString("1 to 125"))
                .body("errors[0].field", equalTo("leverage"));
        problem(setup("", Map.of("symbol", "XRPUSDT", "marginMode", "isolated", "leverage", 51)), 400,
                "LEVERAGE_OUT_OF_RANGE").body("detail", containsString("XRPUSDT's range of 1 to 50"));
        problem(setup("", Map.of("symbol", "BTCUSDT", "leverage", "2.5")), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("leverage"));
        problem(setup("", Map.of("symbol", "NOSUCHUSDT", "leverage", 3)), 422, "UNKNOWN_SYMBOL");
        assertEquals(List.of(), paths(), "nothing signed");
        assertTrue(Simulator.calls(Simulator.CONTRACTS).size() <= 3, "the contracts list comes from the cache");
    }

    @Test
    void isolatedHedgeGetsOneLeverageCallPerSideWithItsHoldSide() {
        JsonPath answer = setup("", Map.of("symbol", "ETHUSDT", "marginMode", "isolated", "longLeverage", 5,
                "shortLeverage", "3")).statusCode(200)
                .body("outcome", equalTo("CHANGED"))
                .body("after.posMode", equalTo("hedge_mode"))
                .body("after.isolatedLongLeverage", equalTo(5))
                .body("after.isolatedShortLeverage", equalTo(3))
                .extract().jsonPath();
        assertEquals(List.of("marginMode crossed->isolated CHANGED", "longLeverage 20->5 CHANGED",
                "shortLeverage 20->3 CHANGED"), steps(answer, "steps"));
        List<Object> leverageBodies = Simulator.calls(Simulator.FUTURES_SET_LEVERAGE).stream().map(call -> call.get("body"))
                .toList();
        assertEquals(List.of(
                "{\"symbol\":\"ETHUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"leverage\":\"5\",\"holdSide\":\"long\"}",
                "{\"symbol\":\"ETHUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"leverage\":\"3\",\"holdSide\":\"short\"}"),
                leverageBodies);

        problem(setup("", Map.of("symbol", "ETHUSDT", "posMode", "one_way_mode", "longLeverage", 4)), 400,
                "INVALID_REQUEST").body("errors[0].field", equalTo("longLeverage"))
                .body("detail", containsString("one-way"));
    }

    @Test
    void aPositionModeRefusedForAnotherSymbolsPositionSendsNothingElse() {
        Simulator.arrange("SOLUSDT", Map.of("openPositions", 1));
        JsonPath answer = problem(setup("", ISOLATED_3X_ONE_WAY), 409, "POSITION_MODE_BLOCKED")
                .body("bitgetCode", equalTo("40920"))
                .body("detail", containsString("no symbol of the product type"))
                .body("before.posMode", equalTo("hedge_mode"))
                .body("after.marginMode", equalTo("crossed"))
                .extract().jsonPath();
        assertEquals(List.of("posMode hedge_mode->one_way_mode FAILED 40920", "marginMode crossed->isolated SKIPPED",
                "longLeverage 20->3 SKIPPED", "shortLeverage 20->3 SKIPPED"), steps(answer, "steps"));
        assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_POSITION_MODE), paths(), "no retry, nothing after it");
    }

    @Test
    void aMarginModeRefusedAfterThePositionModeKeepsThatStepAndSaysSo() {
        Simulator.refuseNext(Simulator.SET_MARGIN_MODE, "45117",
                "Currently holding positions or orders, the margin mode cannot be adjusted");
        JsonPath answer = problem(setup("", ISOLATED_3X_ONE_WAY), 409, "POSITION_OR_ORDER_OPEN")
                .body("bitgetCode", equalTo("45117"))
                .body("after.posMode", equalTo("one_way_mode"))
                .body("after.marginMode", equalTo("crossed"))
                .extract().jsonPath();
        assertEquals(List.of("posMode hedge_mode->one_way_mode CHANGED", "marginMode crossed->isolated FAILED 45117",
                "longLeverage 20->3 SKIPPED", "shortLeverage 20->3 SKIPPED"), steps(answer, "steps"));
        assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_POSITION_MODE, Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE,
                Simulator.ACCOUNT), paths(), "the margin mode once, then the read-back");
        assertEquals("one_way_mode", Simulator.symbol("BTCUSDT").get("posMode"), "no rollback");
    }

    @Test
    void aLeverageRefusalAfterTheMarginModeIsReportedWithBitgetsCode() {
        Simulator.refuseNext(Simulator.FUTURES_SET_LEVERAGE, "40893",
                "Unable to update the leverage factor of this position, there is not enough margin!");
        JsonPath answer = problem(setup("", Map.of("symbol", "BTCUSDT", "marginMode", "isolated", "leverage", 3)), 409,
                "LEVERAGE_BLOCKED")
                .body("bitgetCode", equalTo("40893"))
                .body("after.marginMode", equalTo("isolated"))
                .extract().jsonPath();
        // Hedge mode: one call per side, and the short side is not sent once the long one was refused.
        assertEquals(List.of("marginMode crossed->isolated CHANGED", "longLeverage 20->3 FAILED 40893",
                "shortLeverage 20->3 SKIPPED"), steps(answer, "steps"));
        assertEquals(1, Simulator.calls(Simulator.FUTURES_SET_LEVERAGE).size());
    }

    @Test
    void aSettingBitgetAcceptsButDoesNotShowIsNotApplied() {
        Simulator.arrange("DOGEUSDT", Map.of("ignoresChanges", true));
        JsonPath answer = problem(setup("", Map.of("symbol", "DOGEUSDT", "marginMode", "crossed", "leverage", 5)), 502,
                "NOT_APPLIED")
                .body("detail", containsString("leverage 5 (read back: 20)"))
                .extract().jsonPath();
        assertEquals(List.of("marginMode crossed->crossed UNCHANGED", "leverage 20->5 NOT_APPLIED"), steps(answer, "steps"));
    }

    @Test
    void aSetupItsOwnSettingsMakeInvalidIsRefusedBeforeThePositionModeIsWritten() {
        // Hedge now, one-way asked: the per-side leverage would have no meaning after the switch.
        problem(setup("", Map.of("symbol", "BTCUSDT", "posMode", "one_way_mode", "marginMode", "isolated",
                "longLeverage", 5)), 400, "INVALID_REQUEST").body("detail", containsString("Nothing was sent"));
        assertEquals(List.of(Simulator.ACCOUNT), paths());
        assertEquals("hedge_mode", Simulator.symbol("BTCUSDT").get("posMode"));
    }

    @Test
    void aPositionModeWriteThatTimedOutButWasAppliedGoesOn() {
        // Every attempt (three, with the edge's retries) outlives the read timeout, yet the simulator applies it.
        Simulator.fault(Map.of("path", Simulator.SET_POSITION_MODE, "delayMillis", 1500, "times", 3));
        JsonPath answer = setup("", ISOLATED_3X_ONE_WAY).statusCode(200)
                .body("outcome", equalTo("CHANGED"))
                .body("after.posMode", equalTo("one_way_mode"))
                .extract().jsonPath();
        assertEquals("posMode hedge_mode->one_way_mode CHANGED", steps(answer, "steps").get(0));
    }

    @Test
    void aReaderMayPlanButNotApply() {
        problem(setup(Facade.as(TestAccounts.READER_TOKEN, null), "", ISOLATED_3X_ONE_WAY), 403, "SCOPE_MISSING");
        setup(Facade.as(TestAccounts.READER_TOKEN, null), "dryRun=true", ISOLATED_3X_ONE_WAY).statusCode(200)
                .body("outcome", equalTo("WOULD_CHANGE"));
        assertEquals(List.of(Simulator.ACCOUNT), paths());
    }

    @Test
    void refusesInvalidSetupsWithEveryFieldNamed() {
        problem(setup("", Map.of("symbol", "BTCUSDT")), 400, "INVALID_REQUEST")
                .body("detail", containsString("at least one setting"));
        problem(setup("", Map.of("symbol", "BTCUSDT", "posMode", "sideways", "marginMode", "both")), 400,
                "INVALID_REQUEST").body("errors.size()", equalTo(2));
        problem(setup("", Map.of("symbol", "BTCUSDT", "leverage", true)), 400, "INVALID_REQUEST");
        problem(setup("", Map.of("symbol", "BTCUSDT", "leverage", 3, "longLeverage", 3)), 400, "INVALID_REQUEST");
        problem(setup("dryRun=maybe", ISOLATED_3X_ONE_WAY), 400, "INVALID_REQUEST");
        assertEquals(List.of(), paths());
    }
}
