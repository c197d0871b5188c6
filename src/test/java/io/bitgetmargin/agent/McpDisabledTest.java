package io.bitgetmargin.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** {@code bitget-margin.mcp.enabled=false}: the agents' endpoint and its metadata answer 404; the facade is unchanged. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@TestProfile(McpDisabledTest.AgentsOff.class)
class McpDisabledTest {

    public static class AgentsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitget-margin.mcp.enabled", "false");
        }
    }

    @Test
    void theEndpointIsGoneAndTheFacadeIsNot() {
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream")
                .header("Authorization", "Bearer " + TestAccounts.TOKEN)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").post("/mcp").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("detail", containsString("bitget-margin.mcp.enabled=false"));
        given().get("/.well-known/oauth-protected-resource").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestAccounts.TOKEN).get("/v1/margin-mode?symbol=BTCUSDT").then()
                .statusCode(200);
    }
}
