package io.bitgetmargin.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Agents;
import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.ToolAnnotations;
import io.quarkiverse.mcp.server.test.McpAssured.ToolInfo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * The agents' tools as an agent uses them, through the extension's own streamable client: what each token is shown,
 * what each tool answers, the refusals as tool errors with the facade's problem, and an audit line per decision that
 * names the door and the agent's client. Nothing refused reaches Bitget.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class McpToolsTest {

    private static final List<String> ALL_TOOLS = List.of("apply_symbol_setup", "ensure_margin_mode",
            "ensure_margin_modes", "get_margin_mode", "list_accounts");

    /** Each test's own prefix of request ids, each message's own id. */
    private final String run = "mcp-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sent = new AtomicInteger();

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private McpStreamableTestClient agent(String token) {
        return Agents.client("desk-agent", "2.1")
                .setAdditionalHeaders(message -> MultiMap.caseInsensitiveMultiMap()
                        .add("Authorization", "Bearer " + token)
                        .add("X-Request-Id", run + "-" + sent.incrementAndGet()))
                .build().connect();
    }

    /** The request id of the last message sent. */
    private String lastRequestId() {
        return run + "-" + sent.get();
    }

    @Test
    void aFullTokenSeesEveryToolWithTruthfulHintsAndSchemas() {
        agent(TestAccounts.TOKEN).when().toolsList(page -> {
            assertEquals(ALL_TOOLS, page.tools().stream().map(ToolInfo::name).sorted().toList());
            for (ToolInfo tool : page.tools()) {
                ToolAnnotations hints = tool.annotations().orElseThrow();
                boolean read = tool.name().startsWith("get_") || tool.name().startsWith("list_");
                assertEquals(read, hints.readOnlyHint(), tool.name() + " readOnlyHint");
                assertFalse(hints.destructiveHint(), tool.name() + " destructiveHint");
                assertTrue(hints.idempotentHint(), tool.name() + " idempotentHint");
                assertEquals(!tool.name().equals("list_accounts"), hints.openWorldHint(), tool.name() + " openWorldHint");
                assertNotNull(tool.title(), tool.name() + " title");
                assertEquals(2, tool.outputSchema().getJsonArray("anyOf").size(), tool.name() + ": the answer or a problem");
            }
            ToolInfo ensure = page.findByName("ensure_margin_mode");
            assertEquals(List.of("marginMode", "symbol"), ensure.inputSchema().getJsonArray("required").stream()
                    .map(Object::toString).sorted().toList());
            assertEquals("boolean", ensure.inputSchema().getJsonObject("properties").getJsonObject("dryRun")
                    .getString("type"));
            // The values the answers carry, not the Java constants: a client checks answers against these.
            JsonObject answer = ensure.outputSchema().getJsonArray("anyOf").getJsonObject(0).getJsonObject("properties");
            assertEquals(List.of("crossed", "isolated"), answer.getJsonObject("marginMode").getJsonArray("enum").getList());
            assertTrue(answer.getJsonObject("productType").getJsonArray("enum").contains("USDT-FUTURES"),
                    answer.getJsonObject("productType").encode());
            assertEquals(List.of("classic", "unified"), answer.getJsonObject("accountType").getJsonArray("enum").getList());
            // Without a required code, any object would pass as a problem, and an answer would never be checked.
            assertEquals(List.of("code"), ensure.outputSchema().getJsonArray("anyOf").getJsonObject(1)
                    .getJsonArray("required").getList());
        }).thenAssertResults();
    }

    @Test
    void aReadOnlyTokenSeesTheReadsOnlyAndIsRefusedAChangeWithNothingSent() {
        agent(TestAccounts.READER_TOKEN).when()
                .toolsList(page -> assertEquals(List.of("get_margin_mode", "list_accounts"),
                        page.tools().stream().map(ToolInfo::name).sorted().toList()))
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"), response -> {
                    JsonObject problem = problemOf(response);
                    assertEquals("SCOPE_MISSING", problem.getString("code"));
                    assertTrue(problem.getString("detail").contains("margin:write"), problem.getString("detail"));
                }).thenAssertResults();
        Map<String, Object> denied = audit(lastRequestId());
        assertEquals("denied", denied.get("event"));
        assertEquals(TestAccounts.READER, denied.get("caller"));
        assertEquals("tools/call", denied.get("method"));
        assertEquals("ensure_margin_mode", denied.get("path"));
        assertEquals("mcp", denied.get("via"));
        assertEquals("desk-agent/2.1", denied.get("client"));
        assertEquals(List.of(), Simulator.calls(Simulator.SET_MARGIN_MODE));
    }

    @Test
    void aChangeThenTheSameChangeAgainIsChangedThenUnchangedEachAudited() {
        McpStreamableTestClient agent = agent(TestAccounts.TOKEN);
        agent.when().toolsCall("ensure_margin_mode", Map.of("symbol", "btcusdt", "marginMode", "isolated"), response -> {
            JsonObject result = resultOf(response);
            assertEquals("CHANGED", result.getString("outcome"));
            assertEquals("BTCUSDT", result.getString("symbol"));
            assertEquals("isolated", result.getString("marginMode"));
        }).thenAssertResults();
        Map<String, Object> changed = audit(lastRequestId());
        agent.when().toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"),
                response -> assertEquals("UNCHANGED", resultOf(response).getString("outcome"))).thenAssertResults();
        Map<String, Object> unchanged = audit(lastRequestId());
        for (Map<String, Object> line : List.of(changed, unchanged)) {
            assertEquals("margin-mode", line.get("event"));
            assertEquals("api-token-1", line.get("caller"));
            assertEquals("mcp", line.get("via"));
            assertEquals("desk-agent/2.1", line.get("client"));
            assertNull(line.get("traceId"), "tracing is off: no trace to lead to");
        }
        assertEquals(List.of("CHANGED", "UNCHANGED"), List.of(changed.get("outcome"), unchanged.get("outcome")));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "one change sent, none for UNCHANGED");
    }

    @Test
    void aDryRunReadsOnlyAndAReadAnswersTheFacadesFields() {
        agent(TestAccounts.TOKEN).when()
                .toolsCall("ensure_margin_mode", Map.of("symbol", "ETHUSDT", "marginMode", "isolated", "dryRun", true),
                        response -> assertEquals("WOULD_CHANGE", resultOf(response).getString("outcome")))
                .toolsCall("get_margin_mode", Map.of("symbol", "ETHUSDT"), response -> {
                    JsonObject state = resultOf(response);
                    assertEquals("crossed", state.getString("marginMode"));
                    assertEquals("USDT-FUTURES", state.getString("productType"));
                    assertEquals("classic", state.getString("accountType"));
                    assertNotNull(state.getString("posMode"));
                }).thenAssertResults();
        assertEquals(List.of(), Simulator.calls(Simulator.SET_MARGIN_MODE));
    }

    @Test
    void aBatchAndASetupAnswerOneResultPerSymbol() {
        agent(TestAccounts.TOKEN).when()
                .toolsCall("ensure_margin_modes", Map.of("symbols", List.of("BTCUSDT", "ETHUSDT", "BTCUSDT"),
                        "marginMode", "isolated", "productType", "USDT-FUTURES"), response -> {
                            JsonObject batch = resultOf(response);
                            assertEquals(2, batch.getJsonArray("results").size());
                            assertEquals(2, batch.getJsonObject("summary").getInteger("CHANGED"));
                        })
                .toolsCall("apply_symbol_setup", Map.of("symbol", "SOLUSDT", "marginMode", "isolated", "leverage", 3,
                        "dryRun", true), response -> {
                            JsonObject plan = resultOf(response);
                            assertEquals("WOULD_CHANGE", plan.getString("outcome"));
                            assertFalse(plan.getJsonArray("steps").isEmpty());
                        })
                .thenAssertResults();
        assertEquals(2, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void openPositionsAreAToolErrorThatSaysWhatToDo() {
        Simulator.refuseNext(Simulator.SET_MARGIN_MODE, "45117",
                "Currently holding positions or orders, the margin mode cannot be adjusted");
        agent(TestAccounts.TOKEN).when().toolsCall("ensure_margin_mode",
                Map.of("symbol", "BTCUSDT", "marginMode", "isolated"), response -> {
                    JsonObject problem = problemOf(response);
                    assertEquals("POSITION_OR_ORDER_OPEN", problem.getString("code"));
                    assertEquals("45117", problem.getString("bitgetCode"));
                    assertFalse(problem.getBoolean("retryable"));
                    assertTrue(problem.getString("detail").contains("close the positions"), problem.getString("detail"));
                    assertEquals(lastRequestId(), problem.getString("requestId"));
                }).thenAssertResults();
        assertEquals("BLOCKED", audit(lastRequestId()).get("outcome"));
    }

    @Test
    void invalidArgumentsAreAnInvalidRequestListingTheFields() {
        agent(TestAccounts.TOKEN).when()
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT"), response -> {
                    JsonObject problem = problemOf(response);
                    assertEquals("INVALID_REQUEST", problem.getString("code"));
                    assertEquals("marginMode", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
                })
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "sideways"), response -> {
                    JsonObject problem = problemOf(response);
                    assertEquals("INVALID_REQUEST", problem.getString("code"));
                    assertEquals("marginMode", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
                })
                .toolsCall("apply_symbol_setup", Map.of("symbol", "BTCUSDT", "leverage", "lots"), response -> {
                    JsonObject problem = problemOf(response);
                    assertEquals("INVALID_REQUEST", problem.getString("code"));
                    assertEquals("leverage", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
                })
                // A misspelt flag must not turn a dry run into a change; every bad argument is listed at once.
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "isolated", "dry_run", true),
                        response -> assertEquals(List.of("dry_run"), fieldsOf(problemOf(response))))
                .toolsCall("ensure_margin_modes", Map.of("symbols", "BTCUSDT", "dryRun", "yes"),
                        response -> assertEquals(List.of("symbols", "marginMode", "productType", "dryRun"),
                                fieldsOf(problemOf(response))))
                .thenAssertResults();
        assertEquals(List.of(), Simulator.calls(Simulator.SET_MARGIN_MODE));
    }

    @Test
    void anAccountTheTokenDoesNotHoldIsRefusedAndListAccountsShowsOnlyItsOwn() {
        agent(TestAccounts.ALICE_TOKEN).when()
                .toolsCall("list_accounts", Map.of(), response -> {
                    JsonObject accounts = resultOf(response);
                    assertEquals(1, accounts.getJsonArray("accounts").size());
                    JsonObject alice = accounts.getJsonArray("accounts").getJsonObject(0);
                    assertEquals(TestAccounts.ALICE, alice.getString("name"));
                    assertEquals("classic", alice.getString("accountType"));
                    assertFalse(alice.getBoolean("demoTrading"));
                })
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"),
                        response -> assertEquals("ACCOUNT_FORBIDDEN", problemOf(response).getString("code")))
                .thenAssertResults();
        assertEquals("denied", audit(lastRequestId()).get("event"));
        assertEquals(List.of(), Simulator.calls(Simulator.SET_MARGIN_MODE));
    }

    /** The single audit line of a request. */
    Map<String, Object> audit(String requestId) {
        return AuditLog.single(requestId);
    }

    private static List<String> fieldsOf(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(error -> ((JsonObject) error).getString("field")).toList();
    }

    /** The structured content of a result that is not an error. */
    static JsonObject resultOf(ToolResponse response) {
        assertFalse(response.isError(), () -> "an error: " + response.content());
        return structured(response);
    }

    /** The problem of a tool error. */
    static JsonObject problemOf(ToolResponse response) {
        assertTrue(response.isError(), () -> "not an error: " + response.structuredContent());
        return structured(response);
    }

    private static JsonObject structured(ToolResponse response) {
        Object content = Optional.ofNullable(response.structuredContent()).orElseThrow(
                () -> new AssertionError("no structured content: " + response.content()));
        return content instanceof JsonObject json ? json : JsonObject.mapFrom(content);
    }
}
