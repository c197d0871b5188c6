package io.bitgetmargin.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.restassured.http.ContentType;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on, each facade request is one trace: a server span that says who asked what and how it ended, and
 * a child span per attempt at Bitget. Nothing of the trace reaches Bitget, and no secret is in any span.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@WithTestResource(LoopbackBitget.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "20ms");
        }
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_PARENT = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        Simulator.reset();
        spans.reset();
    }

    /** The spans of the request {@code requestId}: its server span and everything under it, once all have ended. */
    private List<SpanData> trace(String requestId, int atLeast) {
        await("the request's spans").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> server(requestId) != null && spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(server(requestId).getTraceId())).count() >= atLeast);
        String traceId = server(requestId).getTraceId();
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private SpanData server(String requestId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.SERVER
                && requestId.equals(span.getAttributes().get(TraceAttributes.REQUEST_ID))).findFirst().orElse(null);
    }

    private static List<SpanData> attempts(List<SpanData> trace, String path) {
        return trace.stream().filter(span -> path.equals(span.getAttributes().get(TraceAttributes.BITGET_PATH)))
                .sorted(java.util.Comparator.comparing(span -> span.getAttributes().get(TraceAttributes.ATTEMPT)))
                .toList();
    }

    private static <T> T attribute(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    private static void change(String requestId, String mode) {
        Facade.put(Facade.caller().header("X-Request-Id", requestId), "", Map.of("symbol", "BTCUSDT", "marginMode", mode));
    }

    @Test
    void aChangeIsOneTraceWithASpanPerBitgetAttempt() {
        Facade.put(Facade.caller().header("X-Request-Id", "trace-change-1"), "",
                Map.of("symbol", "btcusdt", "marginMode", "isolated")).statusCode(200);
        List<SpanData> trace = trace("trace-change-1", 3);
        SpanData server = server("trace-change-1");
        assertEquals("api-token-1", attribute(server, TraceAttributes.CALLER));
        assertEquals("default", attribute(server, TraceAttributes.ACCOUNT));
        assertEquals("BTCUSDT", attribute(server, TraceAttributes.SYMBOL));
        assertEquals("USDT-FUTURES", attribute(server, TraceAttributes.PRODUCT_TYPE));
        assertEquals("CHANGED", attribute(server, TraceAttributes.OUTCOME));

        for (String path : List.of(Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE)) {
            List<SpanData> calls = attempts(trace, path);
            assertEquals(1, calls.size(), path + ": " + trace);
            SpanData attempt = calls.get(0);
            assertEquals(SpanKind.CLIENT, attempt.getKind());
            assertEquals(server.getSpanId(), attempt.getParentSpanId(), "a child of the request's span");
            assertEquals(200L, attribute(attempt, TraceAttributes.BITGET_HTTP_STATUS));
            assertEquals("00000", attribute(attempt, TraceAttributes.BITGET_CODE));
            assertEquals(1L, attribute(attempt, TraceAttributes.ATTEMPT));
            assertEquals(false, attribute(attempt, TraceAttributes.RETRY));
            assertTrue(attribute(attempt, TraceAttributes.LIMITER_WAIT_MS) >= 0);
        }
        assertNoSecretIn(trace);
        assertEquals(server.getTraceId(), AuditLog.single("trace-change-1").get("traceId"), "the audit line leads to it");
    }

    @Test
    void anAgentsToolCallIsAServerSpanInTheCallersTraceOverItsBitgetCalls() {
        io.bitgetmargin.testing.Agents.client("trace-agent", "1")
                .setAdditionalHeaders(message -> io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                        .add("Authorization", "Bearer " + TestAccounts.TOKEN)
                        .add("traceparent", "00-" + TRACE_ID + "-" + CALLERS_PARENT + "-01")
                        .add("X-Request-Id", "trace-tool-" + message.getString("method").replace('/', '-')))
                .build().connect().when()
                .toolsCall("ensure_margin_mode", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"),
                        response -> assertFalse(response.isError(), () -> String.valueOf(response.content())))
                .thenAssertResults();
        List<SpanData> trace = trace("trace-tool-tools-call", 3);
        SpanData tool = server("trace-tool-tools-call");
        assertEquals("tools/call ensure_margin_mode", tool.getName());
        assertEquals(TRACE_ID, tool.getTraceId(), "in the agent's trace");
        assertEquals(CALLERS_PARENT, tool.getParentSpanId());
        assertEquals("ensure_margin_mode", tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name")));
        assertEquals("tools/call", tool.getAttributes().get(AttributeKey.stringKey("mcp.method.name")));
        assertEquals("api-token-1", attribute(tool, TraceAttributes.CALLER));
        assertEquals("CHANGED", attribute(tool, TraceAttributes.OUTCOME));
        for (String path : List.of(Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE)) {
            assertEquals(List.of(tool.getSpanId()), attempts(trace, path).stream().map(SpanData::getParentSpanId)
                    .distinct().toList(), path + ": the tool call's Bitget calls are under it");
        }
        assertNoSecretIn(trace);
        assertEquals(TRACE_ID, AuditLog.single("trace-tool-tools-call").get("traceId"), "the audit line leads to it");
    }

    @Test
    void aRetriedChangeShowsEachAttempt() {
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "isolated"));
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 502, "contentType", "text/html",
                "body", "<html>bad gateway</html>", "times", 1));
        change("trace-retry-1", "crossed");
        List<SpanData> trace = trace("trace-retry-1", 4);
        List<SpanData> calls = attempts(trace, Simulator.SET_MARGIN_MODE);
        assertEquals(2, calls.size(), trace.toString());
        assertEquals(StatusCode.ERROR, calls.get(0).getStatus().getStatusCode());
        assertEquals(false, attribute(calls.get(0), TraceAttributes.RETRY));
        assertEquals(2L, attribute(calls.get(1), TraceAttributes.ATTEMPT));
        assertEquals(true, attribute(calls.get(1), TraceAttributes.RETRY));
        assertEquals("00000", attribute(calls.get(1), TraceAttributes.BITGET_CODE));
        assertEquals("CHANGED", attribute(server("trace-retry-1"), TraceAttributes.OUTCOME));
    }

    @Test
    void aRefusedChangeCarriesItsProblemAndBitgetsCode() {
        Simulator.refuseNext(Simulator.SET_MARGIN_MODE, "45117", "Currently holding positions or orders");
        change("trace-refused-1", "isolated");
        List<SpanData> trace = trace("trace-refused-1", 3);
        assertEquals("POSITION_OR_ORDER_OPEN", attribute(server("trace-refused-1"), TraceAttributes.PROBLEM));
        SpanData refused = attempts(trace, Simulator.SET_MARGIN_MODE).get(0);
        assertEquals("45117", attribute(refused, TraceAttributes.BITGET_CODE));
        assertEquals(StatusCode.ERROR, refused.getStatus().getStatusCode());
    }

    @Test
    void theCallersTraceIsHonouredAndNothingOfItReachesBitget() {
        Facade.put(Facade.caller().header("X-Request-Id", "trace-parent-1")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLERS_PARENT + "-01")
                .header("tracestate", "desk=1").header("baggage", "desk=alpha"), "",
                Map.of("symbol", "BTCUSDT", "marginMode", "isolated")).statusCode(200);
        trace("trace-parent-1", 3);
        SpanData server = server("trace-parent-1");
        assertEquals(TRACE_ID, server.getTraceId(), "the request joins the caller's trace");
        assertEquals(CALLERS_PARENT, server.getParentSpanId());

        List<Map<String, Object>> received = Simulator.calls();
        assertFalse(received.isEmpty());
        for (Map<String, Object> call : received) {
            for (String header : List.of("traceparent", "tracestate", "baggage")) {
                assertNull(SeenCalls.header(call, header), header + " sent to Bitget: " + call.get("path"));
            }
        }
    }

    @Test
    void aBatchShowsEachSymbolsCallsUnderItsOwnSpan() {
        Facade.caller().header("X-Request-Id", "trace-batch-1").contentType(ContentType.JSON)
                .body(Map.of("marginMode", "isolated", "symbols", List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")))
                .when().post("/v1/margin-mode/batch").then().statusCode(200);
        List<SpanData> trace = trace("trace-batch-1", 10);
        SpanData server = server("trace-batch-1");
        assertEquals("api-token-1", attribute(server, TraceAttributes.CALLER));
        assertEquals("default", attribute(server, TraceAttributes.ACCOUNT));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")) {
            SpanData span = symbolSpan(trace, symbol);
            assertEquals(server.getSpanId(), span.getParentSpanId(), symbol + " under the request");
            assertEquals("CHANGED", attribute(span, TraceAttributes.OUTCOME));
            assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE), pathsUnder(trace, span), symbol);
        }
        assertEquals(List.of(), pathsUnder(trace, server), "every call is a symbol's");
        assertNoSecretIn(trace);
    }

    @Test
    void aUnifiedBatchReadsUnderTheRequestAndSendsUnderEachSymbol() {
        Facade.as(TestAccounts.TOKEN, TestAccounts.UTA).header("X-Request-Id", "trace-batch-uta-1")
                .contentType(ContentType.JSON).body(Map.of("productType", "USDT-FUTURES", "marginMode", "isolated",
                        "symbols", List.of("BTCUSDT", "ETHUSDT")))
                .when().post("/v1/margin-mode/batch").then().statusCode(200);
        List<SpanData> trace = trace("trace-batch-uta-1", 7);
        SpanData server = server("trace-batch-uta-1");
        assertEquals(List.of(Simulator.SETTINGS, Simulator.SETTINGS), pathsUnder(trace, server),
                "one read for all before, one after");
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            SpanData span = symbolSpan(trace, symbol);
            assertEquals(server.getSpanId(), span.getParentSpanId());
            assertEquals(List.of(Simulator.SET_LEVERAGE), pathsUnder(trace, span), symbol);
        }
    }

    @Test
    void aSetupShowsEachSymbolsStepsUnderItsOwnSpan() {
        Facade.setupBatch(Facade.caller().header("X-Request-Id", "trace-setup-1"), Map.of("productType", "USDT-FUTURES",
                "marginMode", "isolated", "leverage", 3, "posMode", "one_way_mode",
                "symbols", List.of("BTCUSDT", "ETHUSDT"))).statusCode(200);
        List<SpanData> trace = trace("trace-setup-1", 12);
        SpanData server = server("trace-setup-1");
        assertEquals("api-token-1", attribute(server, TraceAttributes.CALLER));
        assertEquals("USDT-FUTURES", attribute(server, TraceAttributes.PRODUCT_TYPE));
        // The position mode is the product type's: read once and written once, under the request.
        assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_POSITION_MODE), pathsUnder(trace, server));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            SpanData span = symbolSpan(trace, symbol);
            assertEquals(server.getSpanId(), span.getParentSpanId());
            assertEquals("CHANGED", attribute(span, TraceAttributes.OUTCOME));
            assertEquals(List.of(Simulator.ACCOUNT, Simulator.SET_MARGIN_MODE, Simulator.FUTURES_SET_LEVERAGE,
                    Simulator.ACCOUNT), pathsUnder(trace, span), symbol + ": read, margin mode, leverage, read back");
        }
        assertNoSecretIn(trace);
    }

    @Test
    void aSymbolSetupIsOneTraceWithItsOutcome() {
        Facade.setup(Facade.caller().header("X-Request-Id", "trace-setup-one-1"), "", Map.of("symbol", "btcusdt",
                "marginMode", "isolated", "leverage", 3)).statusCode(200);
        List<SpanData> trace = trace("trace-setup-one-1", 5);
        SpanData server = server("trace-setup-one-1");
        assertEquals("BTCUSDT", attribute(server, TraceAttributes.SYMBOL));
        assertEquals("USDT-FUTURES", attribute(server, TraceAttributes.PRODUCT_TYPE));
        assertEquals("CHANGED", attribute(server, TraceAttributes.OUTCOME));
        List<String> paths = trace.stream().filter(span -> span.getAttributes().get(TraceAttributes.BITGET_PATH) != null)
                .map(span -> span.getAttributes().get(TraceAttributes.BITGET_PATH)).toList();
        assertTrue(paths.containsAll(List.of(Simulator.SET_MARGIN_MODE, Simulator.FUTURES_SET_LEVERAGE)), paths.toString());
    }

    private static SpanData symbolSpan(List<SpanData> trace, String symbol) {
        List<SpanData> found = trace.stream().filter(span -> span.getName().equals("symbol")
                && symbol.equals(span.getAttributes().get(TraceAttributes.SYMBOL))).toList();
        assertEquals(1, found.size(), symbol + ": " + trace);
        return found.get(0);
    }

    /** The Bitget paths of the attempts directly under {@code parent}, in the order they started. */
    private static List<String> pathsUnder(List<SpanData> trace, SpanData parent) {
        return trace.stream().filter(span -> parent.getSpanId().equals(span.getParentSpanId())
                && span.getAttributes().get(TraceAttributes.BITGET_PATH) != null)
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(span -> span.getAttributes().get(TraceAttributes.BITGET_PATH)).toList();
    }

    private static void assertNoSecretIn(List<SpanData> trace) {
        for (SpanData span : trace) {
            String everything = span.getName() + span.getAttributes() + span.getEvents() + span.getStatus()
                    + span.getResource().getAttributes();
            for (String secret : List.of(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE,
                    TestAccounts.TOKEN)) {
                assertFalse(everything.contains(secret), span.getName() + " holds a secret value of length "
                        + secret.length());
            }
        }
    }
}
