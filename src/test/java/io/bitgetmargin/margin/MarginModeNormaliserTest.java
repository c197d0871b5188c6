package io.bitgetmargin.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarginModeNormaliserTest {

    private static MarginModeChange normalise(String symbol, String productType, String marginCoin, String marginMode) {
        return MarginModeNormaliser.normalise(new MarginModeInput(symbol, productType, marginCoin, marginMode));
    }

    @Test
    void trimsAndUpperCasesSymbolCoinAndProductType() {
        MarginModeChange change = normalise("  btcusdt\t", " usdt-futures ", " usdt ", " ISOLATED ");
        assertEquals(new MarginModeChange("BTCUSDT", ProductType.USDT_FUTURES, "USDT", MarginMode.ISOLATED), change);
    }

    @Test
    void acceptsCrossForCrossedAndFixedForIsolated() {
        assertEquals(MarginMode.CROSSED, normalise("BTCUSDT", "USDT-FUTURES", "USDT", "cross").marginMode());
        assertEquals(MarginMode.CROSSED, normalise("BTCUSDT", "USDT-FUTURES", "USDT", "Crossed").marginMode());
        assertEquals(MarginMode.ISOLATED, normalise("BTCUSDT", "USDT-FUTURES", "USDT", "FIXED").marginMode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES", "SUSDT-FUTURES", "SCOIN-FUTURES", "susdc-futures" })
    void acceptsTheSixDocumentedProductTypes(String productType) {
        normalise("BTCUSDT", productType, "USDT", "crossed");
    }

    @Test
    void upperCasesOnlyAsciiLettersAndKeepsOtherScripts() {
        assertEquals("龙虾USDT", normalise("龙虾usdt", "USDT-FUTURES", "USDT", "crossed").symbol());
        assertEquals("äßUSDT", normalise("äßusdt", "USDT-FUTURES", "USDT", "crossed").symbol());
        assertEquals("$DEGENUSDT", normalise("$degenusdt", "USDT-FUTURES", "USDT", "crossed").symbol());
        assertEquals("1000PEPEUSDT", normalise("1000pepeusdt", "USDT-FUTURES", "USDT", "crossed").symbol());
    }

    @Test
    void upperCasingDoesNotDependOnTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertEquals("ICPUSDT", normalise("icpusdt", "usdt-futures", "usdt", "crossed").symbol());
            assertEquals(ProductType.COIN_FUTURES, normalise("ICPUSD", "coin-futures", "icp", "crossed").productType());
            assertEquals("ICP", normalise("ICPUSD", "coin-futures", "icp", "crossed").marginCoin());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "BTC USDT", "BTC\tUSDT", "BTC\u0000USDT", "BTC\u200bUSDT", "BTC/USDT", "BTC.USDT", "BTC?USDT",
            "BTC&USDT", "BTC#USDT", "BTC%55SDT", "BTC\"USDT", "BTC'USDT", "BTC-USDT", "BTC_USDT", "BTC\nUSDT" })
    void refusesSymbolsWithCharactersThatAreNotLettersDigitsOrDollar(String symbol) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> normalise(symbol, "USDT-FUTURES", "USDT", "crossed"));
        assertEquals("symbol", refused.problems().get(0).field());
        assertTrue(refused.problems().get(0).message().contains("letters, digits and $"));
    }

    @Test
    void limitsSymbolsTo64Characters() {
        normalise("A".repeat(64), "USDT-FUTURES", "USDT", "crossed");
        normalise("龙".repeat(64), "USDT-FUTURES", "USDT", "crossed");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> normalise("A".repeat(65), "USDT-FUTURES", "USDT", "crossed"));
        assertTrue(refused.getMessage().contains("at most 64"));
    }

    @Test
    void describesControlCharactersByCodePointOnly() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> normalise("BTC\u0007USDT", "USDT-FUTURES", "USDT", "crossed"));
        assertTrue(refused.getMessage().contains("U+0007"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\u0007"));
    }

    @Test
    void listsEveryMissingOrWrongFieldAtOnce() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> normalise(null, "SPOT", "  ", "hedged"));
        assertEquals(List.of("symbol", "productType", "marginCoin", "marginMode"),
                refused.problems().stream().map(InvalidRequestException.FieldProblem::field).toList());
        assertTrue(refused.getMessage().contains("USDT-FUTURES, COIN-FUTURES, USDC-FUTURES, SUSDT-FUTURES"));
    }

    @Test
    void refusesAMissingBody() {
        assertThrows(InvalidRequestException.class, () -> MarginModeNormaliser.normalise(null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "US-DT", "U SDT", "USDTUSDTUSDTUSDTX", "ÜSDT" })
    void refusesMarginCoinsThatAreNotShortAsciiCodes(String coin) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> normalise("BTCUSDT", "USDT-FUTURES", coin, "crossed"));
        assertEquals("marginCoin", refused.problems().get(0).field());
    }
}
