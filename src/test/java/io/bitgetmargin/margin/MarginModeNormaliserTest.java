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
        assertEquals(new MarginModeChange(new MarginModeTarget("BTCUSDT", ProductType.USDT_FUTURES, "USDT"), MarginMode.ISOLATED),
                change);
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
    @ValueSource(strings = { "BTC USDT", "BTC\tUSDT", "BTC\u0000USDT", "BTC\u200bUSDT", "BTC.USDT", "BTC?USDT",
            "BTC&USDT", "BTC#USDT", "BTC%55SDT", "BTC\"USDT", "BTC'USDT", "BTC-USDT", "BTC\nUSDT" })
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
                () -> normalise(null, "SPOT", "US-DT", "hedged"));
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

    private static MarginModeTarget target(String symbol, String productType, String marginCoin) {
        return MarginModeNormaliser.target(symbol, productType, marginCoin);
    }

    @ParameterizedTest
    @ValueSource(strings = { "BTCUSDT", "btcusdt", " BTC/USDT:USDT ", "btc/usdt:usdt", "BTCUSDT_UMCBL", "btcusdt_umcbl" })
    void readsEveryFormOfAUsdtContract(String symbol) {
        assertEquals(new MarginModeTarget("BTCUSDT", ProductType.USDT_FUTURES, "USDT"), target(symbol, null, null));
    }

    @Test
    void infersTheMarginCoinOfEachProductType() {
        assertEquals("USDT", target("ETHUSDT", "USDT-FUTURES", null).marginCoin());
        assertEquals("USDC", target("BTCPERP", "USDC-FUTURES", null).marginCoin());
        assertEquals("BTC", target("BTCUSD", "COIN-FUTURES", null).marginCoin());
        assertEquals("ETH", target("ETHUSD", null, null).marginCoin());
        assertEquals("SUSDT", target("SBTCSUSDT", "SUSDT-FUTURES", null).marginCoin());
        assertEquals("SUSDC", target("SBTCSPERP", "SUSDC-FUTURES", null).marginCoin());
        assertEquals("SBTC", target("SBTCSUSD", "SCOIN-FUTURES", null).marginCoin());
    }

    @Test
    void infersTheProductTypeFromTheSymbol() {
        assertEquals(ProductType.USDC_FUTURES, target("BTCPERP", null, null).productType());
        assertEquals(ProductType.COIN_FUTURES, target("BTCUSD", null, null).productType());
        assertEquals(ProductType.SUSDT_FUTURES, target("SBTCSUSDT", null, null).productType());
        assertEquals(ProductType.SCOIN_FUTURES, target("SBTCSUSD", null, null).productType());
        assertEquals(new MarginModeTarget("BTCPERP", ProductType.USDC_FUTURES, "USDC"), target("BTC/USDC:USDC", null, null));
        assertEquals(new MarginModeTarget("BTCUSD", ProductType.COIN_FUTURES, "BTC"), target("BTC/USD:BTC", null, null));
        assertEquals(new MarginModeTarget("SBTCSUSDT", ProductType.SUSDT_FUTURES, "SUSDT"), target("SBTC/SUSDT:SUSDT", null, null));
        assertEquals(new MarginModeTarget("BTCUSD", ProductType.COIN_FUTURES, "BTC"), target("BTCUSD_DMCBL", null, null));
        assertEquals(new MarginModeTarget("BTCPERP", ProductType.USDC_FUTURES, "USDC"), target("BTCPERP_CMCBL", null, null));
    }

    @Test
    void anExplicitProductTypeWinsOverASuffixGuess() {
        assertEquals(new MarginModeTarget("BTCUSD", ProductType.USDT_FUTURES, "USDT"), target("BTCUSD", "USDT-FUTURES", null));
    }

    @Test
    void saysWhatToAddWhenTheSymbolDoesNotDecide() {
        InvalidRequestException noType = assertThrows(InvalidRequestException.class, () -> target("BTCEUR", null, null));
        assertEquals("productType", noType.problems().get(0).field());
        assertTrue(noType.getMessage().contains("add productType"));
        InvalidRequestException noCoin = assertThrows(InvalidRequestException.class,
                () -> target("BTCEUR", "COIN-FUTURES", null));
        assertEquals("marginCoin", noCoin.problems().get(0).field());
        assertTrue(noCoin.getMessage().contains("add marginCoin"));
    }

    @Test
    void refusesContradictions() {
        assertThrows(InvalidRequestException.class, () -> target("BTC/USDT:USDT", "COIN-FUTURES", null));
        assertThrows(InvalidRequestException.class, () -> target("BTC/USDT:USDT", null, "USDC"));
        assertThrows(InvalidRequestException.class, () -> target("BTCUSDT_DMCBL", "USDT-FUTURES", null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "BTC/USDT", "BTC/USDT:", "/USDT:USDT", "BTC:USDT", "BTCUSDT_", "BTCUSDT_XYZ", "BTC_USDT", "BTC/USDT:US DT" })
    void refusesBrokenForms(String symbol) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> target(symbol, null, null));
        assertTrue(List.of("symbol", "marginCoin").contains(refused.problems().get(0).field()));
    }
}
