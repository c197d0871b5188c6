package io.bitgetmargin.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Read-only callers: a static token with {@code scopes=margin:read} reads and runs dry-run batches, and its changes are
 * 403 {@code SCOPE_MISSING} with nothing sent.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class ScopesTest {

    private static final Map<String, String> CHANGE = Facade.change("BTCUSDT", "isolated");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void aReadOnlyTokenReads() {
        Facade.as(TestAccounts.READER_TOKEN, null).get("/v1/margin-mode?symbol=BTCUSDT").then().statusCode(200)
                .body("marginMode", equalTo("crossed"));
        Facade.as(TestAccounts.READER_TOKEN, TestAccounts.ALICE).get("/v1/margin-mode?symbol=BTCUSDT").then().statusCode(200);
    }

    @Test
    void aReadOnlyTokenCannotChange() {
        Facade.problem(Facade.put(Facade.as(TestAccounts.READER_TOKEN, null), "", CHANGE), 403, "SCOPE_MISSING")
                .body("detail", containsString("margin:write"));
        assertEquals(0, Simulator.calls().size(), "nothing was sent, not even a read");
    }

    @Test
    void aReadOnlyTokenRunsADryRunBatchButNotABatch() {
        Map<String, Object> dryRun = Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                "symbols", List.of("BTCUSDT", "ETHUSDT"), "dryRun", true);
        batch(TestAccounts.READER_TOKEN, dryRun).statusCode(200).body("summary.WOULD_CHANGE", equalTo(2));
        Map<String, Object> change = Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                "symbols", List.of("BTCUSDT", "ETHUSDT"));
        Facade.problem(batch(TestAccounts.READER_TOKEN, change), 403, "SCOPE_MISSING");
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void checksTheScopeBeforeTheBody() {
        Facade.problem(Facade.put(Facade.as(TestAccounts.READER_TOKEN, null), "", "{not json"), 403, "SCOPE_MISSING");
    }

    @Test
    void aReadOnlyTokenKeepsItsAccounts() {
        Facade.problem(Facade.as(TestAccounts.READER_TOKEN, TestAccounts.BOB).get("/v1/margin-mode?symbol=BTCUSDT").then(),
                403, "ACCOUNT_FORBIDDEN");
    }

    @Test
    @TestSecurity(user = "auditor", roles = Scope.READ_ROLE,
            attributes = @SecurityAttribute(key = Caller.ACCOUNTS_ATTRIBUTE, value = "default", type = AttributeType.STRING_SET))
    void anIdentityWithTheReadRoleOnlyIsReadOnly() {
        // No token: the test's identity is the caller.
        given().get("/v1/margin-mode?symbol=BTCUSDT").then().statusCode(200);
        Facade.problem(Facade.put(given(), "", CHANGE), 403, "SCOPE_MISSING");
        Facade.problem(given().header("X-Bitget-Account", TestAccounts.ALICE).get("/v1/margin-mode?symbol=BTCUSDT")
                .then(), 403, "ACCOUNT_FORBIDDEN");
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    private static io.restassured.response.ValidatableResponse batch(String token, Object body) {
        return Facade.as(token, null).contentType(ContentType.JSON).body(body).when().post("/v1/margin-mode/batch").then();
    }
}
