package io.bitgetmargin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.SetFuturesLeverageRequest;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.LeverageUnknownException;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeTarget;
import io.bitgetmargin.margin.ProductType;

/** The steps and bodies of a setup: Bitget's order, the stored leverage of the target mode, the holdSide matrix. */
class SetupPlanTest {

    private static final MarginModeTarget BTC = new MarginModeTarget("BTCUSDT", ProductType.USDT_FUTURES, "USDT");

    private static SymbolSettings classic(MarginMode mode, PositionMode posMode, int cross, int isolatedLong,
            int isolatedShort) {
        return new SymbolSettings(mode, posMode, BigDecimal.valueOf(cross), BigDecimal.valueOf(isolatedLong),
                BigDecimal.valueOf(isolatedShort), null);
    }

    private static DesiredSetup desired(MarginMode mode, Integer leverage, Integer longLeverage, Integer shortLeverage,
            PositionMode posMode) {
        return new DesiredSetup(BTC, mode, value(leverage), value(longLeverage), value(shortLeverage), posMode);
    }

    private static BigDecimal value(Integer leverage) {
        return leverage == null ? null : BigDecimal.valueOf(leverage);
    }

    private static List<String> describe(List<SetupStep> steps) {
        return steps.stream().map(step -> step.setting().field() + " " + step.from() + "->" + step.to()
                + (step.needsChange() ? "" : " (same)")).toList();
    }

    @Test
    void ordersPositionModeMarginModeLeverageAndComparesTheTargetModesStoredLeverage() {
        SymbolSettings now = classic(MarginMode.CROSSED, PositionMode.HEDGE, 20, 5, 3);
        DesiredSetup setup = desired(MarginMode.ISOLATED, 3, null, null, PositionMode.ONE_WAY);
        List<SetupStep> steps = SetupPlan.classic(setup, now);
        assertEquals(List.of("posMode hedge_mode->one_way_mode", "marginMode crossed->isolated",
                "longLeverage 5->3", "shortLeverage 3->3 (same)"), describe(steps));
        // Isolated one-way: one call without holdSide, whichever side differs (SETUP.md §1.1).
        assertEquals(List.of(new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "3", null)),
                SetupPlan.classicLeverageCalls(setup, now, steps).stream().map(SetupPlan.FuturesLeverageCall::body).toList());
    }

    @Test
    void crossedTakesOneLeverageWithoutHoldSideInEitherPositionMode() {
        for (PositionMode posMode : PositionMode.values()) {
            SymbolSettings now = classic(MarginMode.ISOLATED, posMode, 20, 3, 3);
            DesiredSetup setup = desired(MarginMode.CROSSED, 3, null, null, null);
            List<SetupStep> steps = SetupPlan.classic(setup, now);
            assertEquals(List.of("marginMode isolated->crossed", "leverage 20->3"), describe(steps));
            assertEquals(List.of(new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "3", null)),
                    SetupPlan.classicLeverageCalls(setup, now, steps).stream().map(SetupPlan.FuturesLeverageCall::body)
                            .toList(), posMode.name());
        }
    }

    @Test
    void isolatedHedgeSendsOneCallPerDifferingSideWithItsHoldSide() {
        SymbolSettings now = classic(MarginMode.ISOLATED, PositionMode.HEDGE, 20, 10, 3);
        DesiredSetup setup = desired(null, null, 5, 3, null);
        List<SetupStep> steps = SetupPlan.classic(setup, now);
        assertEquals(List.of("longLeverage 10->5", "shortLeverage 3->3 (same)"), describe(steps));
        assertEquals(List.of(new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "5", "long")),
                SetupPlan.classicLeverageCalls(setup, now, steps).stream().map(SetupPlan.FuturesLeverageCall::body).toList());

        DesiredSetup both = desired(null, 7, null, null, null);
        List<SetupStep> bothSteps = SetupPlan.classic(both, now);
        assertEquals(List.of(new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "7", "long"),
                new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "7", "short")),
                SetupPlan.classicLeverageCalls(both, now, bothSteps).stream().map(SetupPlan.FuturesLeverageCall::body)
                        .toList());
    }

    @Test
    void theBodiesFollowThePositionModeTheSymbolWillHave() {
        // Now one-way, going hedge: the leverage arrives after the switch, so it needs a holdSide per side.
        SymbolSettings now = classic(MarginMode.ISOLATED, PositionMode.ONE_WAY, 20, 3, 3);
        DesiredSetup setup = desired(null, 5, null, null, PositionMode.HEDGE);
        List<String> holdSides = SetupPlan.classicLeverageCalls(setup, now, SetupPlan.classic(setup, now)).stream()
                .map(call -> call.body().holdSide()).toList();
        assertEquals(List.of("long", "short"), holdSides);
    }

    @Test
    void refusesPerSideLeverageWhereASymbolHasOneLeverage() {
        SymbolSettings hedge = classic(MarginMode.ISOLATED, PositionMode.HEDGE, 20, 3, 3);
        InvalidRequestException crossed = assertThrows(InvalidRequestException.class,
                () -> SetupPlan.classic(desired(MarginMode.CROSSED, null, 5, 3, null), hedge));
        assertTrue(crossed.getMessage().contains("crossed"), crossed.getMessage());
        InvalidRequestException oneWay = assertThrows(InvalidRequestException.class,
                () -> SetupPlan.classic(desired(null, null, 5, null, PositionMode.ONE_WAY), hedge));
        assertTrue(oneWay.getMessage().contains("one-way"), oneWay.getMessage());
    }

    @Test
    void aUnifiedSymbolSendsMarginModeAndLeverageInOneCall() {
        SymbolSettings now = new SymbolSettings(MarginMode.CROSSED, PositionMode.ONE_WAY, null, null, null,
                BigDecimal.TEN);
        DesiredSetup setup = desired(MarginMode.ISOLATED, 3, null, null, null);
        List<SetupStep> steps = SetupPlan.unified(setup, now);
        assertEquals(List.of("marginMode crossed->isolated", "leverage 10->3"), describe(steps));
        assertEquals(List.of(new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "3", "isolated", null)),
                SetupPlan.unifiedCalls(setup, now, steps));
        // In hedge mode, isolated is one call per side.
        DesiredSetup hedge = desired(MarginMode.ISOLATED, 3, null, null, PositionMode.HEDGE);
        assertEquals(List.of("long", "short"), SetupPlan.unifiedCalls(hedge, now, SetupPlan.unified(hedge, now))
                .stream().map(SetLeverageRequest::posSide).toList());
    }

    @Test
    void aUnifiedSymbolKeepsItsLeverageOrRefusesToGuessOne() {
        SymbolSettings known = new SymbolSettings(MarginMode.CROSSED, PositionMode.ONE_WAY, null, null, null,
                BigDecimal.valueOf(25));
        DesiredSetup modeOnly = desired(MarginMode.ISOLATED, null, null, null, null);
        assertEquals("25", SetupPlan.unifiedCalls(modeOnly, known, SetupPlan.unified(modeOnly, known)).get(0).leverage());
        SymbolSettings unknown = new SymbolSettings(MarginMode.CROSSED, PositionMode.ONE_WAY, null, null, null, null);
        assertThrows(LeverageUnknownException.class,
                () -> SetupPlan.unifiedCalls(modeOnly, unknown, SetupPlan.unified(modeOnly, unknown)));
        assertThrows(InvalidRequestException.class, () -> SetupPlan.unified(desired(null, null, 5, 3, null), known));
        DesiredSetup posOnly = desired(null, null, null, null, PositionMode.HEDGE);
        assertTrue(SetupPlan.unifiedCalls(posOnly, unknown, SetupPlan.unified(posOnly, unknown)).isEmpty());
    }
}
