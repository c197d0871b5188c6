package io.bitgetmargin.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The audit trail as a desk reads it: one JSON line per decision on {@code bitget-margin.audit}, compared field by
 * field, and one per refused caller; no token or secret in any line of the log.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class AuditTrailTest {

    private static final List<String> MARGIN_MODE_FIELDS = List.of("event", "time", "requestId", "traceId", "caller",
            "account", "accountType", "symbol", "productType", "from", "to", "outcome", "bitgetCode", "via", "client");

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void recordsAChange() {
        Instant before = Instant.now();
        Facade.put(Facade.caller().header("X-Request-Id", "audit-change-1"), "", Facade.change("btcusdt", "isolated"))
                .statusCode(200);
        Map<String, Object> line = AuditLog.single("audit-change-1");
        assertEquals(MARGIN_MODE_FIELDS, List.copyOf(line.keySet()), "every field, in this order, nulls included");
        assertEquals(expected("audit-change-1", "api-token-1", "default", "classic", "BTCUSDT", "crossed", "isolated",
                "CHANGED", null), withoutTime(line));
        Instant time = Instant.parse((String) line.get("time"));
        assertFalse(time.isBefore(before.minus(Duration.ofSeconds(1))) || time.isAfter(Instant.now()), "time " + time);
    }

    @Test
    void recordsEachStepOfASymbolSetupIncludingTheRefusedAndSkippedOnes() {
        Simulator.refuseNext("/api/v2/mix/account/set-margin-mode", "45117",
                "Currently holding positions or orders, the margin mode cannot be adjusted");
        Facade.setup(Facade.caller().header("X-Request-Id", "audit-setup-1"), "", Map.of("symbol", "BTCUSDT",
                "marginMode", "isolated", "leverage", 3, "posMode", "one_way_mode")).statusCode(409);
        List<Map<String, Object>> lines = AuditLog.of("audit-setup-1", 4);
        assertEquals(List.of("event", "time", "requestId", "traceId", "caller", "account", "accountType", "symbol",
                "productType", "setting", "from", "to", "outcome", "bitgetCode", "via", "client"), List.copyOf(lines.get(0).keySet()));
        List<String> steps = lines.stream().map(line -> line.get("event") + " " + line.get("caller") + " "
                + line.get("account") + " " + line.get("accountType") + " " + line.get("symbol") + " "
                + line.get("productType") + " " + line.get("setting") + " " + line.get("from") + "->" + line.get("to")
                + " " + line.get("outcome") + " " + line.get("bitgetCode")).toList();
        assertEquals(List.of(
                "symbol-setup api-token-1 default classic BTCUSDT USDT-FUTURES posMode hedge_mode->one_way_mode CHANGED null",
                "symbol-setup api-token-1 default classic BTCUSDT USDT-FUTURES marginMode crossed->isolated FAILED 45117",
                "symbol-setup api-token-1 default classic BTCUSDT USDT-FUTURES longLeverage 20->3 SKIPPED null",
                "symbol-setup api-token-1 default classic BTCUSDT USDT-FUTURES shortLeverage 20->3 SKIPPED null"), steps);
    }

    @Test
    void recordsAnUnchangedSymbolWithItsLabelledCaller() {
        Simulator.arrange(TestAccounts.ALICE_KEY, "BTCUSDT", Map.of("marginMode", "isolated"));
        Facade.put(Facade.as(TestAccounts.ALICE_TOKEN, TestAccounts.ALICE).header("X-Request-Id", "audit-unchanged-1"), "",
                Facade.change("BTCUSDT", "isolated")).statusCode(200);
        assertEquals(expected("audit-unchanged-1", "alice-desk", "alice", "classic", "BTCUSDT", "isolated", "isolated",
                "UNCHANGED", null), withoutTime(AuditLog.single("audit-unchanged-1")));
    }

    @Test
    void recordsABlockedChangeWithBitgetsCode() {
        Simulator.arrange("BTCUSDT", Map.of("openPositions", 1));
        Facade.put(Facade.caller().header("X-Request-Id", "audit-blocked-1"), "", Facade.change("BTCUSDT", "isolated"))
                .statusCode(409);
        assertEquals(expected("audit-blocked-1", "api-token-1", "default", "classic", "BTCUSDT", "crossed", "isolated",
                "BLOCKED", "45117"), withoutTime(AuditLog.single("audit-blocked-1")));
    }

    @Test
    void recordsEachSymbolOfABatch() {
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "isolated"));
        Simulator.arrange("XRPUSDT", Map.of("openPositions", 1));
        String jwt = TestIdentityProvider.token("batch-bot", List.of("*"), "margin:write");
        Facade.as(jwt, null).header("X-Request-Id", "audit-batch-1").contentType(ContentType.JSON)
                .body(Map.of("productType", "usdt-futures", "marginMode", "isolated",
                        "symbols", List.of("BTCUSDT", "ETHUSDT", "XRPUSDT", "NOSUCHUSDT")))
                .post("/v1/margin-mode/batch").then().statusCode(200);
        List<Map<String, Object>> lines = AuditLog.of("audit-batch-1", 4);
        assertEquals(4, lines.size(), lines::toString);
        assertEquals(List.of(
                expected("audit-batch-1", "batch-bot", "default", "classic", "BTCUSDT", "crossed", "isolated", "CHANGED", null),
                expected("audit-batch-1", "batch-bot", "default", "classic", "ETHUSDT", "isolated", "isolated", "UNCHANGED", null),
                expected("audit-batch-1", "batch-bot", "default", "classic", "XRPUSDT", "crossed", "isolated", "BLOCKED", "45117"),
                expected("audit-batch-1", "batch-bot", "default", "classic", "NOSUCHUSDT", null, "isolated", "FAILED", "40034")),
                lines.stream().map(AuditTrailTest::withoutTime).toList());
    }

    @Test
    void recordsADryRunAsWouldChange() {
        Facade.caller().header("X-Request-Id", "audit-dry-1").contentType(ContentType.JSON)
                .body(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated", "symbols", List.of("BTCUSDT"),
                        "dryRun", true))
                .post("/v1/margin-mode/batch").then().statusCode(200);
        assertEquals("WOULD_CHANGE", AuditLog.single("audit-dry-1").get("outcome"));
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void recordsRefusedCallers() {
        Facade.put(given().header("X-Request-Id", "audit-401-1"), "", Facade.change("BTCUSDT", "isolated")).statusCode(401);
        assertEquals(denied("audit-401-1", null, "default", "PUT", 401, "no credentials"),
                withoutTime(AuditLog.single("audit-401-1")));

        Facade.put(Facade.as("not-a-token", TestAccounts.ALICE).header("X-Request-Id", "audit-401-2"), "",
                Facade.change("BTCUSDT", "isolated")).statusCode(401);
        assertEquals(denied("audit-401-2", null, "alice", "PUT", 401, "credentials refused"),
                withoutTime(AuditLog.single("audit-401-2")));

        Facade.put(Facade.as(TestAccounts.ALICE_TOKEN, null).header("X-Request-Id", "audit-403-1"), "",
                Facade.change("BTCUSDT", "isolated")).statusCode(403);
        assertEquals(denied("audit-403-1", "alice-desk", "default", "PUT", 403, "account not allowed: default"),
                withoutTime(AuditLog.single("audit-403-1")));

        Facade.put(Facade.as(TestAccounts.READER_TOKEN, null).header("X-Request-Id", "audit-403-2"), "",
                Facade.change("BTCUSDT", "isolated")).statusCode(403);
        assertEquals(denied("audit-403-2", TestAccounts.READER, "default", "PUT", 403, "scope missing: margin:write"),
                withoutTime(AuditLog.single("audit-403-2")));
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void noTokenOrSecretIsInTheLog() {
        String jwt = TestIdentityProvider.token("secretive-bot", List.of("*"), "margin:read margin:write");
        Facade.put(Facade.as(jwt, null).header("X-Request-Id", "audit-secrets-1"), "", Facade.change("BTCUSDT", "isolated"))
                .statusCode(200);
        Facade.put(Facade.as(jwt + "x", null), "", Facade.change("BTCUSDT", "isolated")).statusCode(401);
        AuditLog.single("audit-secrets-1");
        String log = AuditLog.whole();
        assertTrue(log.contains("secretive-bot"), "the JWT caller is named");
        for (String secret : Arrays.asList(TestAccounts.TOKEN, TestAccounts.SECOND_TOKEN, TestAccounts.ALICE_TOKEN,
                TestAccounts.READER_TOKEN, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, jwt.split("\\.")[2],
                jwt.split("\\.")[1])) {
            assertFalse(log.contains(secret), "the log holds a secret of length " + secret.length());
        }
    }

    private static Map<String, Object> expected(String requestId, String caller, String account, String accountType,
            String symbol, String from, String to, String outcome, String bitgetCode) {
        Map<String, Object> line = new HashMap<>();
        line.put("event", "margin-mode");
        line.put("requestId", requestId);
        line.put("traceId", null); // tracing is off
        line.put("caller", caller);
        line.put("account", account);
        line.put("accountType", accountType);
        line.put("symbol", symbol);
        line.put("productType", "USDT-FUTURES");
        line.put("from", from);
        line.put("to", to);
        line.put("outcome", outcome);
        line.put("bitgetCode", bitgetCode);
        line.put("via", "rest");
        line.put("client", null);
        return line;
    }

    private static Map<String, Object> denied(String requestId, String caller, String account, String method, int status,
            String reason) {
        Map<String, Object> line = new HashMap<>();
        line.put("event", "denied");
        line.put("requestId", requestId);
        line.put("traceId", null); // tracing is off
        line.put("caller", caller);
        line.put("account", account);
        line.put("method", method);
        line.put("path", "/v1/margin-mode");
        line.put("status", status);
        line.put("reason", reason);
        line.put("via", "rest");
        line.put("client", null);
        return line;
    }

    private static Map<String, Object> withoutTime(Map<String, Object> line) {
        Map<String, Object> rest = new HashMap<>(line);
        assertTrue(rest.remove("time") instanceof String, "time is written");
        return rest;
    }
}
