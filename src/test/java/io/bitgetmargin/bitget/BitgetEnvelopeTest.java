package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bitget's answers parse whatever type their fields happen to have this week. */
class BitgetEnvelopeTest {

    @Test
    void readsTheContractsListWithStringLeverageRanges() {
        BitgetEnvelope<ContractList> envelope = BitgetJson.readEnvelope("{\"code\":\"00000\",\"msg\":\"success\","
                + "\"requestTime\":\"1695793701269\",\"data\":[{\"symbol\":\"BTCUSDT\",\"baseCoin\":\"BTC\","
                + "\"symbolStatus\":\"normal\",\"minLever\":\"1\",\"maxLever\":\"125\","
                + "\"supportMarginCoins\":[\"USDT\"]},{\"symbol\":\"ETHUSDT\",\"minLever\":2,\"maxLever\":100}]}",
                ContractList.class);
        assertEquals(2, envelope.data().contracts().size());
        ContractData btc = envelope.data().contracts().get(0);
        assertEquals(new BigDecimal("125"), btc.maxLever());
        assertEquals(List.of("USDT"), btc.supportMarginCoins());
        assertEquals(new BigDecimal("2"), envelope.data().contracts().get(1).minLever());
    }

    @Test
    void readsTheDocumentedSuccessExample() {
        BitgetEnvelope<SetMarginModeData> envelope = BitgetJson.readEnvelope(
                "{\"code\":\"00000\",\"data\":{\"symbol\":\"BTCUSDT\",\"marginCoin\":\"USDT\",\"longLeverage\":\"25\","
                        + "\"shortLeverage\":\"20\",\"crossMarginLeverage\":null,\"marginMode\":\"isolated\"},"
                        + "\"msg\":\"success\",\"requestTime\":1627293445916}",
                SetMarginModeData.class);
        assertTrue(envelope.isSuccess());
        assertEquals(1627293445916L, envelope.requestTime());
        assertEquals(new BigDecimal("25"), envelope.data().longLeverage());
        assertEquals(new BigDecimal("20"), envelope.data().shortLeverage());
        assertNull(envelope.data().crossMarginLeverage());
        assertEquals("isolated", envelope.data().marginMode());
    }

    @Test
    void readsNumericLeveragesAStringRequestTimeAndAnAbsentCrossLeverage() {
        BitgetEnvelope<SetMarginModeData> envelope = BitgetJson.readEnvelope(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":\"1692447384020\",\"data\":{\"symbol\":\"BTCUSDT\","
                        + "\"marginCoin\":\"USDT\",\"longLeverage\":12.5,\"shortLeverage\":3,\"marginMode\":\"crossed\"}}",
                SetMarginModeData.class);
        assertEquals(1692447384020L, envelope.requestTime());
        assertEquals(new BigDecimal("12.5"), envelope.data().longLeverage());
        assertEquals(new BigDecimal("3"), envelope.data().shortLeverage());
        assertNull(envelope.data().crossMarginLeverage());
    }

    @Test
    void acceptsTheDocumentedMisspellingShortLeveage() {
        SetMarginModeData data = BitgetJson.readEnvelope(
                "{\"code\":\"00000\",\"data\":{\"shortLeveage\":\"7\",\"marginMode\":\"isolated\"}}",
                SetMarginModeData.class).data();
        assertEquals(new BigDecimal("7"), data.shortLeverage());
    }

    @Test
    void readsEmptyLeveragesAsAbsent() {
        AccountData data = BitgetJson.readEnvelope(
                "{\"code\":\"00000\",\"data\":{\"marginMode\":\"crossed\",\"crossedMarginLeverage\":\"\","
                        + "\"isolatedLongLever\":10,\"isolatedShortLever\":\"5\",\"posMode\":\"hedge_mode\",\"assetMode\":\"single\"}}",
                AccountData.class).data();
        assertNull(data.crossedMarginLeverage());
        assertEquals(new BigDecimal("10"), data.isolatedLongLever());
        assertEquals(new BigDecimal("5"), data.isolatedShortLever());
    }

    @Test
    void readsTheServerTimeString() {
        assertEquals(1700111073740L, BitgetJson.readEnvelope(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1700111073740,\"data\":{\"serverTime\":\"1700111073740\"}}",
                ServerTimeData.class).data().serverTime());
    }

    @Test
    void successIsExactlyTheStringOfFiveZeros() {
        assertFalse(BitgetJson.readEnvelope("{\"code\":\"0\",\"msg\":\"ok\"}", Object.class).isSuccess());
        assertFalse(BitgetJson.readEnvelope("{\"code\":\"45117\",\"msg\":\"x\"}", Object.class).isSuccess());
        assertTrue(BitgetJson.readEnvelope("{\"code\":\"00000\"}", Object.class).isSuccess());
    }

    @Test
    void readsANumericCodeAsItsString() {
        assertEquals("429", BitgetJson.readEnvelope("{\"code\":429,\"msg\":\"Too Many Requests\"}", Object.class).code());
    }

    @Test
    void refusesBodiesThatAreNotTheEnvelope() {
        for (String body : new String[] { "", "   ", "<html><h1>502 Bad Gateway</h1></html>", "{\"code\":\"000",
                "{\"msg\":\"no code\"}", "[1,2]", "null" }) {
            assertThrows(BitgetJson.NotAnEnvelopeException.class, () -> BitgetJson.readEnvelope(body, Object.class), body);
        }
    }

    @Test
    void classifiesCodesByWhatTheyMeanForTheCaller() {
        assertEquals(BitgetErrorCategory.POSITION_OR_ORDER_OPEN, BitgetErrorCode.categoryOf("45117"));
        assertEquals(BitgetErrorCategory.AUTHENTICATION, BitgetErrorCode.categoryOf("40009"));
        assertEquals(BitgetErrorCategory.AUTHENTICATION, BitgetErrorCode.categoryOf("40012"));
        assertEquals(BitgetErrorCategory.CLOCK_SKEW, BitgetErrorCode.categoryOf("40008"));
        assertEquals(BitgetErrorCategory.WRONG_ENVIRONMENT, BitgetErrorCode.categoryOf("40099"));
        assertEquals(BitgetErrorCategory.WRONG_ACCOUNT_TYPE, BitgetErrorCode.categoryOf("40085"));
        assertEquals(BitgetErrorCategory.OTHER, BitgetErrorCode.categoryOf("12345"));
        assertEquals(BitgetErrorCategory.OTHER, BitgetErrorCode.categoryOf(null));
    }
}
