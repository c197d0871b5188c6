package io.bitgetmargin.api;

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
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A unified trading account through the same facade calls: read from its settings, ensure through set-leverage with
 * the current leverage and a read-back, batch with one settings read before and one after, and Bitget's unified
 * refusals. The account {@code uta} is configured {@code account-type=unified}, so every call here is deterministic;
 * learning the type is {@code AccountTypeLearningTest}'s.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class UnifiedAccountTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static RequestSpecification uta() {
        return Facade.as(TestAccounts.TOKEN, TestAccounts.UTA);
    }

    private static ValidatableResponse read(String symbol) {
        return uta().when().get("/v1/margin-mode?symbol=" + symbol).then();
    }

    private static ValidatableResponse ensure(String symbol, String marginMode) {
        return Facade.put(uta(), "", Map.of("symbol", symbol, "marginMode", marginMode));
    }

    private static void arrange(String symbol, Map<String, Object> fields) {
        Simulator.arrange(TestAccounts.UTA_KEY, symbol, fields);
    }

    private static void utaKey(Map<String, Object> settings) {
        Simulator.unifiedKey(TestAccounts.UTA_KEY, TestAccounts.UTA_SECRET, TestAccounts.UTA_PASSPHRASE, false, settings);
    }

    private static List<String> paths() {
        return Simulator.calls().stream().map(call -> (String) call.get("path")).toList();
    }

    @Test
    void readsTheModeFromTheSettings() {
        read("BTCUSDT").statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("marginMode", equalTo("crossed"))
                .body("marginModeSource", equalTo("settings"))
                .body("leverage", equalTo(10))
                .body("posMode", equalTo("one_way_mode"))
                .body("accountLevel", equalTo("advanced"))
                .body("crossedMarginLeverage", nullValue());
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void aSymbolTheSettingsLeaveOutIsCrossedByBitgetsDefault() {
        arrange("BTCUSDT", Map.of("inSettings", false));
        read("BTCUSDT").statusCode(200)
                .body("marginMode", equalTo("crossed"))
                .body("marginModeSource", equalTo("default"))
                .body("leverage", nullValue());
    }

    @Test
    void sendsNothingWhenTheModeIsAlreadyRight() {
        ensure("BTCUSDT", "crossed").statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("accountType", equalTo("unified"))
                .body("longLeverage", equalTo(10));
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void changesWithTheCurrentLeverageAndReadsBack() {
        arrange("ETHUSDT", Map.of("leverage", 25));
        ensure("ETHUSDT", "isolated").statusCode(200)
                .body("outcome", equalTo("CHANGED"))
                .body("accountType", equalTo("unified"))
                .body("marginMode", equalTo("isolated"))
                .body("longLeverage", equalTo(25))
                .body("shortLeverage", equalTo(25));
        assertEquals(List.of(Simulator.SETTINGS, Simulator.SET_LEVERAGE, Simulator.SETTINGS), paths());
        assertEquals("{\"category\":\"USDT-FUTURES\",\"symbol\":\"ETHUSDT\",\"leverage\":\"25\",\"marginMode\":\"isolated\"}",
                Simulator.calls(Simulator.SET_LEVERAGE).get(0).get("body"));
        assertEquals("isolated", Simulator.symbol(TestAccounts.UTA_KEY, "ETHUSDT").get("marginMode"));
        assertEquals(25, Simulator.symbol(TestAccounts.UTA_KEY, "ETHUSDT").get("leverage"), "the leverage is kept");
    }

    @Test
    void sendsTheBytesOfTheSignatureVector() {
        ensure("BTCUSDT", "isolated").statusCode(200);
        // The body of vector U01 (uta-sign-vectors.json), signed and accepted by the simulator's signature check.
        assertEquals("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\",\"marginMode\":\"isolated\"}",
                Simulator.calls(Simulator.SET_LEVERAGE).get(0).get("body"));
        assertEquals(200, Simulator.calls(Simulator.SET_LEVERAGE).get(0).get("status"));
    }

    @Test
    void aChangeTheSettingsDoNotShowIsNotApplied() {
        arrange("BTCUSDT", Map.of("ignoresChanges", true));
        Facade.problem(ensure("BTCUSDT", "isolated"), 502, "NOT_APPLIED")
                .body("detail", containsString("hold mode one_way_mode"))
                .body("detail", containsString("account level advanced"));
        assertEquals(List.of(Simulator.SETTINGS, Simulator.SET_LEVERAGE, Simulator.SETTINGS), paths());
    }

    @Test
    void aReadBackThatFailsSaysTheChangeWasAcceptedButNotSeen() {
        Simulator.fault(Map.of("path", Simulator.SETTINGS, "delayMillis", 0, "times", 1));
        Simulator.fault(Map.of("path", Simulator.SETTINGS, "status", 500, "times", 3));
        Facade.problem(ensure("BTCUSDT", "isolated"), 502, "CHANGE_UNCONFIRMED")
                .body("detail", containsString("reading it back failed"));
        assertEquals(1, Simulator.calls(Simulator.SET_LEVERAGE).size());
        assertEquals("isolated", Simulator.symbol(TestAccounts.UTA_KEY, "BTCUSDT").get("marginMode"), "it was applied");
    }

    @Test
    void noKnownLeverageIsA422AndNothingIsSent() {
        arrange("BTCUSDT", Map.of("inSettings", false));
        Facade.problem(ensure("BTCUSDT", "isolated"), 422, "LEVERAGE_UNKNOWN")
                .body("detail", containsString("set the symbol's leverage"))
                .body("detail", containsString("Nothing was sent"));
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void hedgeModeGoesIsolatedOneSideAtATime() {
        utaKey(Map.of("holdMode", "hedge_mode"));
        ensure("BTCUSDT", "isolated").statusCode(200).body("outcome", equalTo("CHANGED"));
        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_LEVERAGE);
        assertEquals(2, changes.size());
        assertTrue(String.valueOf(changes.get(0).get("body")).endsWith(",\"posSide\":\"long\"}"));
        assertTrue(String.valueOf(changes.get(1).get("body")).endsWith(",\"posSide\":\"short\"}"));
        ensure("BTCUSDT", "crossed").statusCode(200).body("outcome", equalTo("CHANGED"));
        assertTrue(!String.valueOf(Simulator.calls(Simulator.SET_LEVERAGE).get(2).get("body")).contains("posSide"),
                "crossed has one leverage for both sides: one call");
    }

    @Test
    void aBatchReadsTheSettingsOnceBeforeAndOnceAfter() {
        arrange("ETHUSDT", Map.of("marginMode", "isolated"));
        arrange("SOLUSDT", Map.of("ignoresChanges", true));
        arrange("XRPUSDT", Map.of("inSettings", false));
        Facade.as(TestAccounts.TOKEN, TestAccounts.UTA).contentType(ContentType.JSON)
                .body(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                        "symbols", List.of("BTCUSDT", "ethusdt", "SOL/USDT:USDT", "XRPUSDT", "DOGEUSDT", "BTCUSDT")))
                .when().post("/v1/margin-mode/batch").then().statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("results.symbol", equalTo(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT")))
                .body("results.outcome", equalTo(List.of("CHANGED", "UNCHANGED", "FAILED", "FAILED", "CHANGED")))
                .body("results[2].problem.code", equalTo("NOT_APPLIED"))
                .body("results[3].problem.code", equalTo("LEVERAGE_UNKNOWN"))
                .body("summary.CHANGED", equalTo(2));
        assertEquals(2, Simulator.calls(Simulator.SETTINGS).size(), "one read before, one after");
        assertEquals(3, Simulator.calls(Simulator.SET_LEVERAGE).size(), "BTCUSDT, SOLUSDT, DOGEUSDT");
        assertEquals("isolated", Simulator.symbol(TestAccounts.UTA_KEY, "DOGEUSDT").get("marginMode"));
    }

    @Test
    void aDryRunBatchOnlyReads() {
        Facade.as(TestAccounts.TOKEN, TestAccounts.UTA).contentType(ContentType.JSON)
                .body(Map.of("marginMode", "isolated", "symbols", List.of("BTCUSDT", "ETHUSDT"), "dryRun", true))
                .when().post("/v1/margin-mode/batch").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("WOULD_CHANGE", "WOULD_CHANGE")));
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void anAccountLevelThatFixesTheModeIs22005WithTheHint() {
        utaKey(Map.of("accountLevel", "isolated"));
        arrange("BTCUSDT", Map.of("marginMode", "isolated"));
        Facade.problem(ensure("BTCUSDT", "crossed"), 422, "MARGIN_MODE_NOT_ALLOWED")
                .body("bitgetCode", equalTo("22005"))
                .body("detail", containsString("account level"));
    }

    @Test
    void aMissingUtaPermissionSaysWhichOneOnEachEndpoint() {
        Simulator.refuseNext(Simulator.SETTINGS, "40014", "Incorrect permissions");
        Facade.problem(read("BTCUSDT"), 502, "BITGET_AUTH_FAILED")
                .body("bitgetCode", equalTo("40014"))
                .body("detail", containsString("\"UTA mgt. (read)\""));
        Simulator.refuseNext(Simulator.SET_LEVERAGE, "40014", "Incorrect permissions");
        Facade.problem(ensure("BTCUSDT", "isolated"), 502, "BITGET_AUTH_FAILED")
                .body("detail", containsString("\"UTA mgt. (read & write)\""));
    }

    @Test
    void aParameterRefusalIsInvalidParameter() {
        Simulator.refuseNext(Simulator.SET_LEVERAGE, "400172", "Parameter verification failed");
        Facade.problem(ensure("BTCUSDT", "isolated"), 422, "INVALID_PARAMETER").body("bitgetCode", equalTo("400172"));
    }

    @Test
    void anUndocumentedRefusalPassesThroughWithBitgetsCodeAndMessage() {
        arrange("BTCUSDT", Map.of("openPositions", 1));
        Facade.problem(ensure("BTCUSDT", "isolated"), 502, "BITGET_ERROR")
                .body("bitgetCode", equalTo("SIM-UTA-OPEN"))
                .body("bitgetMsg", containsString("positions or orders are open"));
    }

    @Test
    void aClassicKeyConfiguredUnifiedIsTheWrongAccountType() {
        Simulator.key(TestAccounts.UTA_KEY, TestAccounts.UTA_SECRET, TestAccounts.UTA_PASSPHRASE, false);
        Facade.problem(read("BTCUSDT"), 502, "WRONG_ACCOUNT_TYPE")
                .body("bitgetCode", equalTo("40084"))
                .body("detail", containsString("account-type=unified"));
        assertEquals(List.of(Simulator.SETTINGS), paths(), "a configured type is not second-guessed");
    }

    @Test
    void anAccountBitgetIsMovingAnswers503WithRetryAfter() {
        utaKey(Map.of("accountMode", "upgrading"));
        Facade.problem(ensure("BTCUSDT", "isolated"), 503, "ACCOUNT_SWITCHING")
                .header("Retry-After", "30")
                .body("detail", containsString("'upgrading'"));
        assertEquals(List.of(Simulator.SETTINGS), paths());
    }

    @Test
    void theClassicDemoProductTypesAreRefusedBeforeAnythingIsSent() {
        Facade.problem(Facade.put(uta(), "", Map.of("symbol", "SBTCSUSDT", "marginMode", "isolated")), 400,
                "INVALID_REQUEST").body("detail", containsString("use USDT-FUTURES with a demo-trading key"));
        Facade.problem(uta().when().get("/v1/margin-mode?symbol=SBTCSUSDT").then(), 400, "INVALID_REQUEST");
        assertEquals(List.of(), paths());
    }

    @Test
    void aUnifiedDemoKeySendsPaptradingOnV3() {
        Facade.put(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA_DEMO), "",
                Map.of("symbol", "BTCUSDT", "marginMode", "isolated")).statusCode(200)
                .body("outcome", equalTo("CHANGED"));
        List<Map<String, Object>> calls = Simulator.calls();
        assertEquals(3, calls.size());
        for (Map<String, Object> call : calls) {
            assertEquals("1", SeenCalls.header(call, "paptrading"), String.valueOf(call.get("path")));
        }
    }
}
