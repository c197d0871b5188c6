package io.bitgetmargin.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The agents' endpoint seen from the wire: who gets in (the facade's tokens and JWTs; no token is a 401 whose
 * challenge names the protected-resource metadata), which browser origins may call, and that no session is held
 * between requests, so any instance can serve an agent's next request.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class McpGateTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"gate-agent\","
            + "\"version\":\"0.9\"}}}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Inject
    ConnectionManager connections;

    private static RequestSpecification mcp() {
        return given().contentType(ContentType.JSON).accept("application/json, text/event-stream");
    }

    @Test
    void noTokenIsA401WhoseChallengeNamesTheMetadataAndIsAudited() {
        mcp().header("X-Request-Id", "mcp-gate-401").body(TOOLS_LIST).post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer resource_metadata=\"http://"))
                .header("WWW-Authenticate", containsString("/.well-known/oauth-protected-resource\""))
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"))
                .body("requestId", equalTo("mcp-gate-401"));
        Map<String, Object> denied = AuditLog.single("mcp-gate-401");
        assertEquals(Map.of("event", "denied", "status", 401, "reason", "no credentials", "via", "mcp", "path", "/mcp"),
                Map.of("event", denied.get("event"), "status", denied.get("status"), "reason", denied.get("reason"),
                        "via", denied.get("via"), "path", denied.get("path")));
        mcp().header("Authorization", "Bearer not-a-token").body(TOOLS_LIST).post("/mcp").then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED")).body("detail", containsString("neither one of the facade's"));
        assertFalse(AuditLog.whole().contains("Response head already sent"), "a refusal is answered once, quietly");
    }

    @Test
    void theMetadataNamesTheIssuerAndTheScopes() {
        given().get("/.well-known/oauth-protected-resource").then().statusCode(200)
                .body("resource", startsWith("http://")).body("resource", containsString("/mcp"))
                .body("authorization_servers[0]", equalTo(TestIdentityProvider.ISSUER))
                .body("scopes_supported", hasItems("margin:read", "margin:write"));
        given().get("/.well-known/oauth-protected-resource/mcp").then().statusCode(200)
                .body("authorization_servers[0]", equalTo(TestIdentityProvider.ISSUER));
    }

    @Test
    void aJwtCallerGetsIn() {
        String jwt = TestIdentityProvider.token("jwt-agent", List.of("*"), "margin:read");
        mcp().header("Authorization", "Bearer " + jwt).body(INITIALIZE).post("/mcp").then().statusCode(200)
                .header(StatelessSessions.SESSION_HEADER, startsWith("s1."));
    }

    @Test
    void aBrowserPageOfAnotherSiteIsRefused() {
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Origin", "https://evil.example")
                .header("X-Request-Id", "mcp-gate-origin").body(TOOLS_LIST).post("/mcp").then().statusCode(403)
                .body("code", equalTo("ORIGIN_NOT_ALLOWED"));
        assertEquals("origin not allowed", AuditLog.single("mcp-gate-origin").get("reason"));
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Origin", TestAccounts.AGENT_ORIGIN)
                .body(INITIALIZE).post("/mcp").then().statusCode(200)
                .header("Access-Control-Allow-Origin", TestAccounts.AGENT_ORIGIN);
        given().header("Origin", TestAccounts.AGENT_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,mcp-session-id")
                .options("/mcp").then().statusCode(200)
                .header("Access-Control-Allow-Origin", TestAccounts.AGENT_ORIGIN);
        // No other page may read the facade either.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/v1/margin-mode").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void noSessionIsHeldAndTheTokenServesOnItsOwn() {
        String token = mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).body(INITIALIZE).post("/mcp")
                .then().statusCode(200).header(StatelessSessions.SESSION_HEADER, startsWith("s1."))
                .extract().header(StatelessSessions.SESSION_HEADER);
        assertFalse(connections.iterator().hasNext(), "no connection is left in memory once initialize is answered");
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header(StatelessSessions.SESSION_HEADER, token)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").post("/mcp").then()
                .statusCode(202).body(emptyString());
        // What another instance sees: a token it never handed out, and nothing in memory.
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header(StatelessSessions.SESSION_HEADER, token)
                .body(TOOLS_LIST).post("/mcp").then().statusCode(200)
                .body(containsString("get_margin_mode")).body(not(containsString("\"error\"")));
        assertFalse(connections.iterator().hasNext(), "nor once a call is answered");
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header(StatelessSessions.SESSION_HEADER, "forged")
                .body(TOOLS_LIST).post("/mcp").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestAccounts.TOKEN).get("/mcp").then().statusCode(405)
                .header("Allow", "POST");
    }

    /** A listed page can read the session id it must send back, and the request id. */
    @Test
    @Tag(LambdaLimits.MULTI_VALUED_HEADERS)
    void anAllowedPageCanReadTheSessionId() {
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Origin", TestAccounts.AGENT_ORIGIN)
                .body(INITIALIZE).post("/mcp").then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("Mcp-Session-Id"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    /** The one call without a client of docs/agents.md: no initialize, no session. */
    @Test
    void oneToolCallNeedsNoInitialize() {
        String answer = mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).body("{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"ensure_margin_mode\",\"arguments\":{\"symbol\":"
                + "\"SOLUSDT\",\"marginMode\":\"isolated\"}}}").post("/mcp").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        io.vertx.core.json.JsonObject result = new io.vertx.core.json.JsonObject(answer).getJsonObject("result");
        assertEquals(false, result.getBoolean("isError"));
        assertEquals("CHANGED", result.getJsonObject("structuredContent").getString("outcome"));
        assertEquals("text", result.getJsonArray("content").getJsonObject(0).getString("type"));
    }

    @Test
    void theClientTokenCarriesNameAndVersionOnlyAndIsUnique() {
        StatelessSessions.Client client = new StatelessSessions.Client("agent\u0007x", "1".repeat(100));
        StatelessSessions.Client carried = StatelessSessions.decode(StatelessSessions.encode(client));
        assertEquals("agentx", carried.name());
        assertEquals(64, carried.version().length());
        assertNotEquals(StatelessSessions.encode(client), StatelessSessions.encode(client), "two agents, two ids");
    }

    /** What the extension would take a connection for and not serve is answered first, and nothing is left held. */
    @Test
    void nothingIsHeldWhateverIsSent() {
        RequestSpecification caller = mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN);
        caller.body("{not json").post("/mcp").then().statusCode(400).body("error.code", equalTo(-32700));
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).body("[" + TOOLS_LIST + "]").post("/mcp").then()
                .statusCode(400).body("error.code", equalTo(-32600));
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).body("42").post("/mcp").then().statusCode(400);
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).header("Mcp-Protocol-Version", "1999-01-01")
                .body(TOOLS_LIST).post("/mcp").then().statusCode(400).body("error.message", containsString("2025-11-25"));
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN).body("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}")
                .post("/mcp").then().statusCode(202);
        mcp().header("Authorization", "Bearer " + TestAccounts.TOKEN)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}")
                .post("/mcp").then().statusCode(202);
        for (String method : List.of("HEAD", "PUT", "DELETE")) {
            given().header("Authorization", "Bearer " + TestAccounts.TOKEN).request(method, "/mcp").then()
                    .statusCode(405).header("Allow", "POST");
        }
        assertFalse(connections.iterator().hasNext(), "no connection is left in memory");
    }

    /** A query the URI parser would refuse does not keep a refused caller waiting. */
    @Test
    void anOddQueryIsStillAnswered() throws Exception {
        // Raw, because every HTTP client of Java refuses to send such a target.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            byte[] body = TOOLS_LIST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /mcp?a[]=1 HTTP/1.1\r\nHost: 127.0.0.1:" + io.restassured.RestAssured.port + "\r\nContent-Type: application/json"
                    + "\r\nAccept: application/json, text/event-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
            assertTrue(answer.contains("resource_metadata=\"http://127.0.0.1:" + io.restassured.RestAssured.port + "/.well-known/"), answer);
        }
    }
}
