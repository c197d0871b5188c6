package io.bitgetmargin.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.HangingUpCaller;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** An agent that hangs up mid-call is a caller who hangs up: nothing more is sent, what was sent is read back and audited. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@Tag(LambdaLimits.HANG_UPS)
class McpHangUpTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void anAgentWhoHangsUpWhileARetryWaitsCausesNoFurtherAttemptAndTheChangeIsAudited() throws Exception {
        // Bitget's gateway answers 503 and asks for 2 s: the retry waits at least that long.
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 503, "contentType", "text/html",
                "body", "<html>busy</html>", "retryAfter", "2", "times", 1));
        try (HangingUpCaller agent = HangingUpCaller.mcp(RestAssured.port, "mcp-hang-up", "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"ensure_margin_mode\",\"arguments\":{\"symbol\":"
                + "\"BTCUSDT\",\"marginMode\":\"isolated\"}}}")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() == 1);
        }
        Map<String, Object> audit = AuditLog.single("mcp-hang-up");
        assertEquals("ABANDONED", audit.get("outcome"), audit.toString());
        assertEquals("mcp", audit.get("via"));
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() == 1);
        assertEquals(2, Simulator.calls(Simulator.ACCOUNT).size(), "the read before the change, and its read-back");
    }
}
