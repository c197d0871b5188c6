package io.bitgetmargin.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.DebugLogging;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * Many agents at once, each its own JWT caller and MCP client, each changing its own symbol on the one account: every
 * answer, audit line and log line of a request is that request's (its id, its caller, its client), however the
 * account's turns interleave them, and every agent gets its change.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@TestProfile(McpManyAgentsTest.EveryCallLogged.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
class McpManyAgentsTest {

    private static final int AGENTS = 12;
    private static final Path LOG = Path.of("target", "mcp-many-agents-" + ProcessHandle.current().pid() + ".log");

    /** The Bitget client logs each call with its body, in the log context of the request it was made for. */
    public static class EveryCallLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DebugLogging.into(LOG);
        }
    }

    @BeforeEach
    void arrangeSymbols() {
        Simulator.reset();
        for (int agent = 0; agent < AGENTS; agent++) {
            Simulator.arrange("AGENT" + agent + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
    }

    @Test
    void eachAgentsRecordsAreItsOwn() throws Exception {
        ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
        CountDownLatch together = new CountDownLatch(AGENTS);
        List<Future<JsonObject>> answers = new ArrayList<>();
        try {
            for (int agent = 0; agent < AGENTS; agent++) {
                int number = agent;
                answers.add(agents.submit(() -> change(number, together)));
            }
            for (int agent = 0; agent < AGENTS; agent++) {
                JsonObject result = answers.get(agent).get(60, TimeUnit.SECONDS);
                assertEquals("AGENT" + agent + "USDT", result.getString("symbol"), "agent " + agent + "'s own answer");
                assertEquals("CHANGED", result.getString("outcome"));
            }
        } finally {
            agents.shutdownNow();
        }
        for (int agent = 0; agent < AGENTS; agent++) {
            Map<String, Object> line = AuditLog.single(requestIdOf(agent));
            assertEquals(List.of("agent-" + agent, "swarm-" + agent + "/1.0", "AGENT" + agent + "USDT", "mcp"),
                    List.of(line.get("caller"), line.get("client"), line.get("symbol"), line.get("via")),
                    "agent " + agent + "'s audit line");
            String id = requestIdOf(agent);
            String own = "AGENT" + agent + "USDT";
            List<String> logged = Files.readAllLines(LOG).stream().filter(entry -> entry.contains(") " + id + " ")).toList();
            assertTrue(logged.stream().anyMatch(entry -> entry.contains(own)),
                    "agent " + agent + "'s Bitget calls are logged with its request id");
            for (String entry : logged) {
                for (int other = 0; other < AGENTS; other++) {
                    assertTrue(other == agent || !entry.contains("AGENT" + other + "USDT"),
                            "a log line of agent " + agent + " names another agent's symbol: " + entry);
                }
            }
        }
        assertEquals(AGENTS, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    private static String requestIdOf(int agent) {
        return "swarm-change-" + agent;
    }

    private static JsonObject change(int agent, CountDownLatch together) throws InterruptedException {
        String jwt = TestIdentityProvider.token("agent-" + agent, List.of("*"), "margin:read margin:write");
        var client = io.bitgetmargin.testing.Agents.client("swarm-" + agent, "1.0")
                .setAdditionalHeaders(message -> MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + jwt)
                        .add("X-Request-Id", "tools/call".equals(message.getString("method")) ? requestIdOf(agent)
                                : "swarm-" + message.getString("method").replace('/', '-') + "-" + agent))
                .build().connect();
        together.countDown();
        together.await(30, TimeUnit.SECONDS);
        JsonObject[] answer = new JsonObject[1];
        client.when().toolsCall("ensure_margin_mode", Map.of("symbol", "AGENT" + agent + "USDT", "marginMode", "isolated"),
                response -> answer[0] = McpToolsTest.resultOf(response)).thenAssertResults();
        return answer[0];
    }
}
