package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.DebugLogging;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.bitgetmargin.testing.UnexpectedFailureResource;
import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Runs successful and failing calls with every logger at DEBUG and the REST client logging whole requests and
 * responses, then reads the log file: the secret, the passphrase, the facade tokens, the signatures and the
 * pre-hashes appear nowhere. Tracing is on meanwhile: its DEBUG lines are in the log, and no span holds a secret
 * either (name, attributes, events, status, resource).
 */
@QuarkusTest
@TestProfile(SecretsNeverLoggedTest.EverythingLogged.class)
@WithTestResource(LoopbackBitget.class)
class SecretsNeverLoggedTest {

    static final Path LOG = Path.of("target", "secrets-never-logged-" + ProcessHandle.current().pid() + ".log");

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(DebugLogging.into(LOG));
            overrides.put("quarkus.otel.sdk.disabled", "false");
            overrides.put("quarkus.otel.bsp.schedule.delay", "20ms");
            // The agents' endpoint logs every JSON-RPC message it receives and sends.
            overrides.put("quarkus.mcp.server.traffic-logging.enabled", "true");
            overrides.put("quarkus.mcp.server.traffic-logging.text-limit", "100000");
            return overrides;
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void noSecretReachesTheLogAtDebugLevel() throws IOException {
        Simulator.reset();
        Map<String, String> body = Facade.change("BTCUSDT", "isolated");
        Facade.put(body).statusCode(200);
        // JWT callers: accepted, forged, expired; SmallRye JWT's own DEBUG lines would hold the token's content.
        String jwt = TestIdentityProvider.token("logged-bot", List.of("*"), "margin:read margin:write");
        Facade.put(Facade.as(jwt, null).header("X-Request-Id", "secrets-jwt-1"), "", body).statusCode(200);
        String forged = TestIdentityProvider.signWithAnotherKey(TestIdentityProvider.claims("forger", List.of("*"),
                "margin:write"));
        Facade.put(Facade.as(forged, null), "", body).statusCode(401);
        String expired = TestIdentityProvider.sign(TestIdentityProvider.claims("late", List.of("*"), "margin:write")
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)));
        Facade.put(Facade.as(expired, null), "", body).statusCode(401);
        // Agents: a change, a refusal for scope, a refused token, a JWT agent.
        callTool(TestAccounts.TOKEN, "ensure_margin_mode", Map.of("symbol", "SOLUSDT", "marginMode", "isolated"));
        callTool(TestAccounts.READER_TOKEN, "ensure_margin_mode", Map.of("symbol", "SOLUSDT", "marginMode", "crossed"));
        callTool(jwt, "get_margin_mode", Map.of("symbol", "SOLUSDT"));
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream")
                .header("Authorization", "Bearer not-" + TestAccounts.READER_TOKEN)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").post("/mcp").then().statusCode(401);

        // A symbol setup: the contracts list, set-position-mode, set-leverage per side, and a refused position mode.
        Facade.setup("", Map.of("symbol", "ETHUSDT", "marginMode", "isolated", "longLeverage", 5, "shortLeverage", 3))
                .statusCode(200);
        Facade.setup("", Map.of("symbol", "ETHUSDT", "posMode", "one_way_mode", "leverage", 4)).statusCode(200);
        Facade.setup(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA_AUTO), "", Map.of("symbol", "ETHUSDT",
                "posMode", "hedge_mode", "leverage", 6)).statusCode(200);
        Simulator.arrange("BTCUSDT", Map.of("openPositions", 1));
        Facade.setup("", Map.of("symbol", "ETHUSDT", "posMode", "hedge_mode")).statusCode(409);
        Facade.put(Facade.as(TestAccounts.SECOND_TOKEN, null), "", Facade.change("BTCUSDT", "crossed")).statusCode(409);
        Simulator.key(TestAccounts.API_KEY, "wrong-secret", TestAccounts.PASSPHRASE, false);
        Facade.put(body).statusCode(502);
        Facade.put(Facade.as("not-" + TestAccounts.TOKEN, null), "", body).statusCode(401);
        // A unified account: learnt from 40085, changed through v3, then refused for a wrong secret.
        Facade.put(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA_AUTO), "", body).statusCode(200);
        Simulator.unifiedKey(TestAccounts.UTA_KEY, "wrong-secret", TestAccounts.UTA_PASSPHRASE, false, Map.of());
        Facade.put(Facade.as(TestAccounts.TOKEN, TestAccounts.UTA), "", body).statusCode(502);
        // A bug: the caller gets a bare INTERNAL_ERROR, the log gets the whole trace.
        String internal = Facade.problem(Facade.caller().get("/test-only/unexpected-failure").then(), 500, "INTERNAL_ERROR")
                .extract().asString();
        assertFalse(internal.contains(UnexpectedFailureResource.MESSAGE) || internal.contains("Exception"), internal);

        List<String> forbidden = new ArrayList<>(List.of(TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE,
                TestAccounts.TOKEN, TestAccounts.SECOND_TOKEN, TestAccounts.READER_TOKEN, TestAccounts.UTA_SECRET, TestAccounts.UTA_PASSPHRASE,
                TestAccounts.UTA_AUTO_SECRET, TestAccounts.UTA_AUTO_PASSPHRASE));
        for (String token : List.of(jwt, forged, expired)) {
            forbidden.addAll(List.of(token.split("\\.")));
        }
        List<Map<String, Object>> calls = Simulator.calls();
        assertTrue(Simulator.calls(Simulator.SET_MARGIN_MODE).size() >= 2, "the changes reached the simulator");
        for (Map<String, Object> call : calls) {
            String timestamp = SeenCalls.header(call, "ACCESS-TIMESTAMP");
            if (timestamp == null) {
                continue; // the unsigned server-time call
            }
            forbidden.add(SeenCalls.header(call, "ACCESS-SIGN"));
            String query = String.valueOf(call.get("query"));
            forbidden.add(timestamp + call.get("method") + call.get("path") + (query.isEmpty() ? "" : "?" + query)
                    + call.get("body"));
        }

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        // The log did capture the Bitget traffic: without this, an empty log would pass.
        assertTrue(log.contains(Simulator.SET_MARGIN_MODE), "REST client requests are in the log");
        assertTrue(log.contains(Simulator.SET_LEVERAGE), "the unified account's requests are in the log");
        assertTrue(log.contains("\"marginMode\":\"isolated\""), "REST client bodies are in the log");
        assertTrue(log.contains("DEBUG"), "the log holds DEBUG lines");
        assertTrue(log.contains("tools/call") && log.contains("SCOPE_MISSING"), "the agents' traffic is in the log");
        assertTrue(log.contains("java.lang.IllegalStateException: " + UnexpectedFailureResource.MESSAGE)
                && log.contains("at io.bitgetmargin.testing.UnexpectedFailureResource.fail"), "the bug's stack trace is logged");
        // One REST client, one HTTP client: its metrics are registered once (no "already registered" warning).
        assertFalse(log.contains("has been already registered"), "a meter was registered twice");
        // The request id is in the log context of the Bitget calls made for the request, after the event loop moved on.
        assertTrue(log.lines().anyMatch(line -> line.contains(" secrets-jwt-1 ") && line.contains(Simulator.ACCOUNT)),
                "the REST client's lines of a request carry its id");
        for (String secret : forbidden) {
            assertFalse(log.contains(secret), "the log contains a secret value of length " + secret.length());
        }

        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        List<SpanData> traced = spans.getFinishedSpanItems();
        assertTrue(traced.stream().anyMatch(span -> Simulator.SET_LEVERAGE.equals(
                span.getAttributes().get(TraceAttributes.BITGET_PATH))), "the calls were traced");
        forbidden.add(TestAccounts.API_KEY); // a label names the account in a span, never its key
        for (SpanData span : traced) {
            String everything = span.getName() + span.getAttributes() + span.getEvents() + span.getStatus()
                    + span.getResource().getAttributes();
            for (String secret : forbidden) {
                assertFalse(everything.contains(secret), span.getName() + " holds a secret value of length "
                        + secret.length());
            }
        }
    }

    /** One tool call of an agent with {@code token}, as an MCP client makes it. */
    private static void callTool(String token, String tool, Map<String, Object> arguments) {
        io.bitgetmargin.testing.Agents.client("logged-agent", "1")
                .setAdditionalHeaders(message -> io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                        .add("Authorization", "Bearer " + token))
                .build().connect().when().toolsCall(tool, arguments, response -> {
                }).thenAssertResults();
    }
}
