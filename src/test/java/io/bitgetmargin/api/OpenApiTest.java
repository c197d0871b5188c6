package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.testing.LoopbackBitget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document describes the three operations, their examples and every problem code. */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class OpenApiTest {

    @Test
    void describesTheFacadeWithExamplesAndEveryProblemCode() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String operation : new String[] { "get", "put" }) {
            assertTrue(openapi.getMap("paths.'/v1/margin-mode'").containsKey(operation), operation);
        }
        assertTrue(openapi.getMap("paths.'/v1/margin-mode/batch'").containsKey("post"));
        Map<String, Object> putResponses = openapi.getMap("paths.'/v1/margin-mode'.put.responses");
        for (String status : new String[] { "200", "400", "401", "403", "409", "422", "429", "502", "503", "504" }) {
            assertTrue(putResponses.containsKey(status), status);
        }
        String document = given().queryParam("format", "json").get("/q/openapi").then().extract().asString();
        for (ProblemCode code : ProblemCode.values()) {
            assertTrue(document.contains("\"" + code.name() + "\""), code.name());
        }
        assertTrue(document.contains("BTC/USDT:USDT"), "request examples");
        assertTrue(document.contains("UNCHANGED"), "response examples");
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.jwt.bearerFormat", equalTo("JWT"))
                .body("paths.'/v1/margin-mode'.get.security", equalTo(List.of(Map.of("bearer", List.of("margin:read")),
                        Map.of("jwt", List.of("margin:read")))))
                .body("paths.'/v1/margin-mode'.put.security", equalTo(List.of(Map.of("bearer", List.of("margin:write")),
                        Map.of("jwt", List.of("margin:write")))))
                .body("paths.'/v1/margin-mode'.put.responses.'403'.$ref", equalTo("#/components/responses/Problem403"))
                .body("components.responses.Problem403.content.'application/problem+json'.examples.SCOPE_MISSING",
                        notNullValue())
                .body("components.responses.Problem502.content.'application/problem+json'.examples.BITGET_CLOCK_SKEW"
                        + ".description", containsString("40005"))
                // An operation's own problem response stays its own.
                .body("paths.'/v1/symbol-setup'.put.responses.'409'.$ref", nullValue())
                .body("paths.'/v1/symbol-setup'.put.responses.'409'.description", containsString("open positions"));
        // Every problem is written once, not in every operation: the document stays small to build at each start.
        assertTrue(document.length() < 100_000, "the document's size: " + document.length());
    }

    /** Generated clients (openapi-generator and the like) name their methods after the operation ids. */
    @Test
    void namesEveryOperationAsItsAgentToolAndTypesItsFlags() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> operationIds = Map.of(
                "paths.'/v1/margin-mode'.get", "getMarginMode",
                "paths.'/v1/margin-mode'.put", "ensureMarginMode",
                "paths.'/v1/margin-mode/batch'.post", "ensureMarginModes",
                "paths.'/v1/symbol-setup'.put", "applySymbolSetup",
                "paths.'/v1/symbol-setup/batch'.post", "applySymbolSetups");
        operationIds.forEach((operation, id) -> assertEquals(id, openapi.getString(operation + ".operationId"), operation));
        assertEquals("boolean", openapi.getString("paths.'/v1/margin-mode'.put.parameters.find { it.name == 'verify' }.schema.type"));
        for (String operation : List.of("paths.'/v1/symbol-setup'.put", "paths.'/v1/symbol-setup/batch'.post")) {
            assertEquals("boolean", openapi.getString(operation + ".parameters.find { it.name == 'dryRun' }.schema.type"),
                    operation);
        }
    }
}
