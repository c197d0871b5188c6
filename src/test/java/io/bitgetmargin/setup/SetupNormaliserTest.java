package io.bitgetmargin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.ProductType;

/** What a setup may say: the symbol forms of /v1/margin-mode, the position-mode spellings, whole leverages. */
class SetupNormaliserTest {

    private static SymbolSetupInput input(String symbol, String marginMode, BigDecimal leverage, BigDecimal longLeverage,
            BigDecimal shortLeverage, String posMode) {
        return new SymbolSetupInput(symbol, null, null, marginMode, leverage, longLeverage, shortLeverage, posMode);
    }

    @Test
    void normalisesTheSymbolAndEveryPositionModeSpelling() {
        for (String spelling : new String[] { "one_way_mode", "one-way", "ONE_WAY", " oneway " }) {
            DesiredSetup setup = SetupNormaliser.normalise(input("BTC/USDT:USDT", "fixed", new BigDecimal("3.0"), null,
                    null, spelling));
            assertEquals("BTCUSDT", setup.symbol());
            assertEquals(ProductType.USDT_FUTURES, setup.productType());
            assertEquals(MarginMode.ISOLATED, setup.marginMode());
            assertEquals(PositionMode.ONE_WAY, setup.posMode(), spelling);
            assertEquals("3", setup.leverage().toPlainString());
        }
        assertEquals(PositionMode.HEDGE, SetupNormaliser.normalise(input("btcusdt", null, null, null, null, "hedge"))
                .posMode());
        DesiredSetup leverageOnly = SetupNormaliser.normalise(input("ETHUSDT", null, BigDecimal.valueOf(50), null, null,
                null));
        assertNull(leverageOnly.marginMode());
        assertEquals("50", leverageOnly.leverage().toPlainString());
    }

    @Test
    void refusesWhatCannotBeSentWithEveryProblemNamed() {
        InvalidRequestException nothing = assertThrows(InvalidRequestException.class,
                () -> SetupNormaliser.normalise(input("BTCUSDT", null, null, null, null, null)));
        assertTrue(nothing.getMessage().contains("at least one setting"), nothing.getMessage());
        InvalidRequestException several = assertThrows(InvalidRequestException.class, () -> SetupNormaliser.normalise(
                input("BTC USDT", "sideways", new BigDecimal("2.5"), null, null, "both")));
        assertEquals(4, several.problems().size(), several.getMessage());
        for (String field : new String[] { "symbol", "marginMode", "leverage", "posMode" }) {
            assertTrue(several.problems().stream().anyMatch(problem -> field.equals(problem.field())), field);
        }
        for (BigDecimal bad : new BigDecimal[] { BigDecimal.ZERO, BigDecimal.valueOf(-3), BigDecimal.valueOf(1001) }) {
            assertThrows(InvalidRequestException.class,
                    () -> SetupNormaliser.normalise(input("BTCUSDT", null, bad, null, null, null)), bad.toPlainString());
        }
        InvalidRequestException mixed = assertThrows(InvalidRequestException.class, () -> SetupNormaliser.normalise(
                input("BTCUSDT", null, BigDecimal.ONE, BigDecimal.TEN, null, null)));
        assertTrue(mixed.getMessage().contains("cannot be combined"), mixed.getMessage());
        assertThrows(InvalidRequestException.class, () -> SetupNormaliser.normalise(null));
    }
}
