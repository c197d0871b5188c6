package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * With {@code account-type=auto} the service learns what an account is from Bitget's answers: a v2 40085 makes it
 * unified and the same request goes on through v3; a v3 40084 makes it classic again. A classic account never calls
 * v3, and a unified one, once learnt, never calls v2.
 * <p>
 * What was learnt lives in the application under test for as long as it runs (the packaged one of the IT too), so
 * every test first brings {@code uta-auto} to a known state through Bitget's own answers, never by reaching inside.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class AccountTypeLearningTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static RequestSpecification utaAuto() {
        return Facade.as(TestAccounts.TOKEN, TestAccounts.UTA_AUTO);
    }

    private static ValidatableResponse read(RequestSpecification caller) {
        return caller.when().get("/v1/margin-mode?symbol=BTCUSDT").then();
    }

    private static void utaAutoKeyIsClassic() {
        Simulator.key(TestAccounts.UTA_AUTO_KEY, TestAccounts.UTA_AUTO_SECRET, TestAccounts.UTA_AUTO_PASSPHRASE, false);
    }

    private static void utaAutoKeyIsUnified() {
        Simulator.unifiedKey(TestAccounts.UTA_AUTO_KEY, TestAccounts.UTA_AUTO_SECRET, TestAccounts.UTA_AUTO_PASSPHRASE,
                false, Map.of());
    }

    /** Whatever was learnt before: a read as a classic key leaves uta-auto learnt classic. */
    private static void learntClassic() {
        utaAutoKeyIsClassic();
        read(utaAuto()).statusCode(200).body("accountType", equalTo("classic"));
        Simulator.reset();
    }

    /** Whatever was learnt before: a read as a unified key leaves uta-auto learnt unified. */
    private static void learntUnified() {
        utaAutoKeyIsUnified();
        read(utaAuto()).statusCode(200).body("accountType", equalTo("unified"));
        Simulator.reset();
    }

    private static List<String> pathsAndCodes() {
        return Simulator.calls().stream().map(call -> call.get("path") + " " + call.get("code")).toList();
    }

    @Test
    void a40085LearnsUnifiedAndServesTheSameRequestThroughV3() {
        learntClassic();
        utaAutoKeyIsUnified();
        Facade.put(utaAuto(), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated")).statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("outcome", equalTo("CHANGED"));
        assertEquals(List.of(Simulator.ACCOUNT + " 40085", Simulator.SETTINGS + " 00000",
                Simulator.SET_LEVERAGE + " 00000", Simulator.SETTINGS + " 00000"), pathsAndCodes());

        Simulator.reset();
        read(utaAuto()).statusCode(200).body("accountType", equalTo("unified"));
        Facade.put(utaAuto(), "", Map.of("symbol", "ETHUSDT", "marginMode", "isolated")).statusCode(200);
        batch(utaAuto(), List.of("SOLUSDT", "XRPUSDT")).statusCode(200).body("accountType", equalTo("unified"));
        assertTrue(pathsAndCodes().stream().allMatch(call -> call.startsWith("/api/v3/")),
                "once learnt, a unified account never calls v2: " + pathsAndCodes());
    }

    @Test
    void a40084LearnsClassicAgain() {
        learntUnified();
        utaAutoKeyIsClassic();
        read(utaAuto()).statusCode(200).body("accountType", equalTo("classic")).body("marginModeSource", equalTo("account"));
        assertEquals(List.of(Simulator.SETTINGS + " 40084", Simulator.ACCOUNT + " 00000"), pathsAndCodes());
    }

    @Test
    void aBatchOnAnAccountNotYetLearntSendsOneSymbolAloneFirst() {
        batch(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA_NEW), List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"))
                .statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("results.outcome", equalTo(List.of("CHANGED", "CHANGED", "CHANGED", "CHANGED")));
        List<String> calls = pathsAndCodes();
        assertEquals(List.of(Simulator.ACCOUNT + " 40085"), calls.stream().filter(call -> call.contains("/v2/")).toList(),
                "the type was learnt once, from the first symbol: " + calls);
        assertEquals(4, Simulator.calls(Simulator.SETTINGS).size(), "the first symbol's two reads, then the batch's two: "
                + calls);
    }

    @Test
    void aBatchOnAnAccountBitgetUpgradedGoesOnAsOneUnifiedBatch() {
        learntClassic();
        utaAutoKeyIsUnified();
        batch(utaAuto(), List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT")).statusCode(200)
                .body("accountType", equalTo("unified"))
                .body("results.outcome", equalTo(List.of("CHANGED", "CHANGED", "CHANGED", "CHANGED")));
        List<String> calls = pathsAndCodes();
        assertEquals(2, Simulator.calls(Simulator.SETTINGS).size(), "one unified batch: " + calls);
        assertEquals(4, Simulator.calls(Simulator.SET_LEVERAGE).size(), calls.toString());
    }

    @Test
    void aClassicAccountNeverCallsV3() {
        read(Facade.caller()).statusCode(200).body("accountType", equalTo("classic"));
        Facade.put(Facade.change("BTCUSDT", "isolated")).statusCode(200).body("accountType", equalTo("classic"));
        Facade.put("verify=true", Facade.change("ETHUSDT", "isolated")).statusCode(200);
        batch(Facade.caller(), List.of("SOLUSDT", "XRPUSDT")).statusCode(200).body("accountType", equalTo("classic"));
        assertTrue(pathsAndCodes().stream().allMatch(call -> call.startsWith("/api/v2/")), pathsAndCodes().toString());
    }

    @Test
    void aClassicConfiguredAccountWithAUnifiedKeyIsTheWrongAccountType() {
        Simulator.unifiedKey(TestAccounts.ALICE_KEY, "alice-secret", "alice-passphrase", false, Map.of());
        Facade.problem(read(Facade.as(TestAccounts.TOKEN, TestAccounts.ALICE)), 502, "WRONG_ACCOUNT_TYPE")
                .body("bitgetCode", equalTo("40085"))
                .body("detail", containsString("account-type=classic"));
        assertEquals(List.of(Simulator.ACCOUNT + " 40085"), pathsAndCodes());
    }

    @Test
    void readinessAndTheGaugeShowWhatEachAccountIs() {
        learntUnified();
        given().get("/q/health/ready").then().statusCode(200)
                // Counts only: readiness needs no token, so it names no account.
                .body("checks.find { it.name == 'bitget' }.data.accountTypes",
                        containsString("unified (configured): 2"))
                .body("checks.find { it.name == 'bitget' }.data.accountTypes",
                        containsString("unified (learnt): "))
                .body("checks.find { it.name == 'bitget' }.data.accountTypes",
                        containsString("classic (configured): 1"))
                .body("checks.find { it.name == 'bitget' }.data.accounts", equalTo(8))
                .body("checks.find { it.name == 'bitget' }.toString()", not(containsString("uta-auto")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("bitget_margin_account_unified{account=\"uta-auto\"} 1.0"), "learnt unified");
        assertTrue(metrics.contains("bitget_margin_account_unified{account=\"alice\"} 0.0"), "configured classic");
    }

    private static ValidatableResponse batch(RequestSpecification caller, List<String> symbols) {
        return caller.contentType(ContentType.JSON).body(Map.of("marginMode", "isolated", "symbols", symbols))
                .when().post("/v1/margin-mode/batch").then();
    }
}
