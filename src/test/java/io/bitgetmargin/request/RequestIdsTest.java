package io.bitgetmargin.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code X-Request-Id}: a caller's acceptable id is kept, a missing one is made, an unacceptable one is replaced; the
 * id is echoed on every answer, is the {@code requestId} of problems, and is in the log context of the request's lines.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class RequestIdsTest {

    private static final String MADE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void keepsTheCallersIdAndEchoesIt() {
        Facade.put(Facade.caller().header("X-Request-Id", "desk-7.order_42-A"), "", Facade.change("BTCUSDT", "isolated"))
                .statusCode(200).header("X-Request-Id", "desk-7.order_42-A");
    }

    @Test
    void keepsAnIdOfSixtyFourCharacters() {
        String longest = "a".repeat(64);
        Facade.caller().header("X-Request-Id", longest).get("/v1/margin-mode?symbol=BTCUSDT").then()
                .header("X-Request-Id", longest);
    }

    @Test
    void makesOneWhenTheCallerSendsNone() {
        String first = Facade.get("symbol=BTCUSDT").statusCode(200).header("X-Request-Id", matchesPattern(MADE))
                .extract().header("X-Request-Id");
        String second = Facade.get("symbol=BTCUSDT").extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void replacesAnIdItCannotAccept() {
        for (String refused : List.of("has space", "a".repeat(65), "semi;colon", "ünï", "")) {
            Facade.caller().header("X-Request-Id", refused).get("/v1/margin-mode?symbol=BTCUSDT").then()
                    .header("X-Request-Id", matchesPattern(MADE));
        }
    }

    @Test
    void isInEveryProblemAndOnEveryAnswer() {
        Facade.problem(Facade.put(given().header("X-Request-Id", "no-token-1"), "", Facade.change("BTCUSDT", "isolated")),
                401, "UNAUTHORIZED").header("X-Request-Id", "no-token-1").body("requestId", equalTo("no-token-1"));
        Facade.problem(Facade.put(Facade.caller().header("X-Request-Id", "bad-body-1"), "", "{not json"), 400,
                "INVALID_REQUEST").body("requestId", equalTo("bad-body-1"));
        Facade.problem(Facade.caller().header("X-Request-Id", "nowhere-1").get("/v1/nowhere").then(), 404, "NOT_FOUND")
                .body("requestId", equalTo("nowhere-1"));
        Facade.problem(Facade.put(Facade.caller().header("X-Request-Id", "too-large-1"), "",
                "{\"symbol\":\"" + "X".repeat(9000) + "\"}"), 413, "REQUEST_TOO_LARGE").body("requestId", equalTo("too-large-1"));
        given().header("X-Request-Id", "health-1").get("/q/health/live").then().statusCode(200)
                .header("X-Request-Id", "health-1");
    }

    @Test
    void isInTheLogContextOfTheRequestsLines() {
        Facade.problem(Facade.caller().header("X-Request-Id", "logged-bug-1").get("/test-only/unexpected-failure").then(),
                500, "INTERNAL_ERROR").body("requestId", equalTo("logged-bug-1"));
        // An account learnt within a request logs a line after Bitget's answer, on a later turn of the event loop: the
        // default key turns unified, is learnt so, and turns classic again (learnt back, so other tests find it classic).
        Simulator.unifiedKey(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, false, Map.of());
        Facade.put(Facade.caller().header("X-Request-Id", "logged-learning-1"), "", Facade.change("BTCUSDT", "isolated"))
                .statusCode(200);
        Simulator.reset();
        Facade.put(Facade.caller().header("X-Request-Id", "logged-learning-2"), "", Facade.change("BTCUSDT", "isolated"))
                .statusCode(200).body("accountType", equalTo("classic"));
        List<String> bug = AuditLog.logLinesOf("logged-bug-1");
        assertTrue(bug.stream().anyMatch(line -> line.contains("Unexpected failure while serving a request")), bug::toString);
        for (String id : List.of("logged-learning-1", "logged-learning-2")) {
            List<String> lines = AuditLog.logLinesOf(id);
            assertTrue(lines.stream().anyMatch(line -> line.contains("Bitget account 'default' is")), lines::toString);
            assertEquals(id, AuditLog.single(id).get("requestId"));
        }
    }

    @Test
    void aProblemWithoutACallersIdCarriesTheMadeOne() {
        String header = Facade.problem(Facade.put(given(), "", Facade.change("BTCUSDT", "isolated")), 401, "UNAUTHORIZED")
                .body("requestId", matchesPattern(MADE)).extract().header("X-Request-Id");
        Facade.problem(Facade.put(given(), "", Facade.change("BTCUSDT", "isolated")), 401, "UNAUTHORIZED")
                .body("requestId", not(equalTo(header)));
    }
}
