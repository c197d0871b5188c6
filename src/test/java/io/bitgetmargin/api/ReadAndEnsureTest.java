package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.get;
import static io.bitgetmargin.testing.Facade.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reading the current mode, ensuring instead of blindly setting, verification, and inference of missing fields. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class ReadAndEnsureTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void readsModeLeveragesPositionAndAssetMode() {
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "isolated", "longLeverage", 25, "shortLeverage", 10,
                "crossLeverage", 5, "posMode", "one_way_mode", "assetMode", "union"));
        get("symbol=BTCUSDT&productType=USDT-FUTURES&marginCoin=USDT")
                .statusCode(200)
                .body("symbol", equalTo("BTCUSDT"))
                .body("productType", equalTo("USDT-FUTURES"))
                .body("marginCoin", equalTo("USDT"))
                .body("marginMode", equalTo("isolated"))
                .body("isolatedLongLeverage", equalTo(25))
                .body("isolatedShortLeverage", equalTo(10))
                .body("crossedMarginLeverage", equalTo(5))
                .body("posMode", equalTo("one_way_mode"))
                .body("assetMode", equalTo("union"));
        assertEquals("marginCoin=USDT&productType=USDT-FUTURES&symbol=BTCUSDT",
                Simulator.calls(Simulator.ACCOUNT).get(0).get("query"), "the query is sent sorted");
    }

    @Test
    void readsLeveragesThatBitgetSendsAsStrings() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 200, "body", "{\"code\":\"00000\",\"msg\":\"success\","
                + "\"requestTime\":\"1\",\"data\":{\"marginCoin\":\"USDT\",\"marginMode\":\"crossed\",\"crossedMarginLeverage\":\"12.5\","
                + "\"isolatedLongLever\":\"\",\"isolatedShortLever\":\"3\",\"posMode\":\"hedge_mode\",\"assetMode\":\"single\"}}"));
        get("symbol=BTCUSDT").statusCode(200)
                .body("crossedMarginLeverage", equalTo(12.5f))
                .body("isolatedShortLeverage", equalTo(3));
    }

    @Test
    void infersProductTypeAndCoinForEveryForm() {
        for (String symbol : new String[] { "BTCUSDT", "btcusdt", "BTC/USDT:USDT", "BTCUSDT_UMCBL" }) {
            Facade.caller().queryParam("symbol", symbol).when().get("/v1/margin-mode").then()
                    .statusCode(200)
                    .body("symbol", equalTo("BTCUSDT"))
                    .body("productType", equalTo("USDT-FUTURES"))
                    .body("marginCoin", equalTo("USDT"));
        }
        get("symbol=BTCUSD&productType=COIN-FUTURES").statusCode(200).body("marginCoin", equalTo("BTC"));
        Facade.caller().queryParam("symbol", "BTC/USDC:USDC").when().get("/v1/margin-mode").then()
                .statusCode(200).body("symbol", equalTo("BTCPERP")).body("marginCoin", equalTo("USDC"));
    }

    @Test
    void saysWhatToAddWhenInputIsAmbiguous() {
        Facade.problem(get("symbol=BTCEUR"), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("productType"))
                .body("detail", containsString("add productType"));
        Facade.problem(get("symbol=BTCEUR&productType=COIN-FUTURES"), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("marginCoin"));
        Facade.problem(get("productType=USDT-FUTURES"), 400, "INVALID_REQUEST")
                .body("errors[0].field", equalTo("symbol"));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void reportsAnUnknownSymbolOnRead() {
        Facade.problem(get("symbol=NOSUCHUSDT"), 422, "UNKNOWN_SYMBOL").body("bitgetCode", equalTo("40034"));
    }

    @Test
    void answersUnchangedWithoutSendingAChangeEvenWithOpenPositions() {
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "isolated", "openPositions", 3, "longLeverage", 7, "shortLeverage", 8));
        put("", Map.of("symbol", "ETH/USDT:USDT", "marginMode", "fixed"))
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("marginMode", equalTo("isolated"))
                .body("longLeverage", equalTo(7))
                .body("shortLeverage", equalTo(8));
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "no change was sent");
        assertEquals(1, Simulator.calls(Simulator.ACCOUNT).size());
    }

    @Test
    void changesWhenTheModeDiffersAndVerifiesOnRequest() {
        put("verify=true", Map.of("symbol", "btcusdt", "marginMode", "isolated"))
                .statusCode(200)
                .body("outcome", equalTo("CHANGED"))
                .body("marginMode", equalTo("isolated"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
        assertEquals(2, Simulator.calls(Simulator.ACCOUNT).size(), "read before and after the change");
    }

    @Test
    void answersNotAppliedWhenBitgetStillReportsTheOldMode() {
        Simulator.arrange("BTCUSDT", Map.of("ignoresChanges", true));
        Facade.problem(put("verify=true", Map.of("symbol", "BTCUSDT", "marginMode", "isolated")), 502, "NOT_APPLIED")
                .body("detail", containsString("still reports crossed"));
        // Without verify the same call trusts Bitget's answer.
        put("", Map.of("symbol", "BTCUSDT", "marginMode", "isolated")).statusCode(200).body("outcome", equalTo("CHANGED"));
    }

    @Test
    void aReadBackThatFailsIsNeverReportedAsNothingSent() {
        // The first read passes (a fault with no delay and no answer of its own); the read-back meets Bitget down.
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "delayMillis", 0, "times", 1));
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 502, "contentType", "text/html",
                "body", "<html>Bad Gateway</html>", "times", 3));
        Facade.problem(put("verify=true", Map.of("symbol", "BTCUSDT", "marginMode", "isolated")), 502,
                "CHANGE_UNCONFIRMED")
                .header("Retry-After", "1")
                .body("retryable", equalTo(true))
                .body("detail", containsString("Bitget accepted setting BTCUSDT to isolated, but reading it back failed"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void refusesAVerifyFlagThatIsNotABoolean() {
        Facade.problem(put("verify=maybe", Map.of("symbol", "BTCUSDT", "marginMode", "isolated")), 400,
                "INVALID_REQUEST").body("errors[0].field", equalTo("verify"));
        assertEquals(0, Simulator.calls().size());
    }
}
