package io.bitgetmargin.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * JWTs of the caller's identity provider, verified against its JWKS file: the subject is the caller, the
 * {@code accounts} claim limits the accounts, the {@code scope} claim grants the scopes, and every JWT that fails a
 * check is 401 with nothing sent. (The audit trail names its subject: {@code AuditTrailTest}.)
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class JwtCallersTest {

    private static final Map<String, String> CHANGE = Facade.change("BTCUSDT", "isolated");
    private static final String BOTH = "margin:read margin:write";

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void changesWithAJwt() {
        String token = TestIdentityProvider.token("desk-bot-7", List.of("default"), BOTH);
        Facade.put(Facade.as(token, null), "", CHANGE).statusCode(200).body("outcome", equalTo("CHANGED"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void aStarInAccountsAllowsEveryAccount() {
        String token = TestIdentityProvider.token("platform", List.of("*"), BOTH);
        Facade.put(Facade.as(token, TestAccounts.ALICE), "", CHANGE).statusCode(200);
        Facade.put(Facade.as(token, null), "", CHANGE).statusCode(200);
    }

    @Test
    void refusesAnAccountOutsideItsAccountsClaim() {
        String token = TestIdentityProvider.token("alice-bot", List.of(TestAccounts.ALICE), BOTH);
        Facade.put(Facade.as(token, TestAccounts.ALICE), "", CHANGE).statusCode(200);
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 403, "ACCOUNT_FORBIDDEN");
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size(), "only alice's change was sent");
    }

    @Test
    void aJwtWithoutAccountsMayUseNone() {
        String token = TestIdentityProvider.token("no-accounts", null, BOTH);
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 403, "ACCOUNT_FORBIDDEN");
        Facade.problem(Facade.as(token, null).get("/v1/margin-mode?symbol=BTCUSDT").then(), 403, "ACCOUNT_FORBIDDEN");
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void aJwtWithAccountsThatAreNotNamesMayUseNone() {
        String token = TestIdentityProvider.sign(TestIdentityProvider.claims("odd", null, BOTH)
                .claim("accounts", "default"));
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 403, "ACCOUNT_FORBIDDEN");
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void aReadScopeReadsButDoesNotChange() {
        String token = TestIdentityProvider.token("dashboard", List.of("default"), "margin:read");
        Facade.as(token, null).get("/v1/margin-mode?symbol=BTCUSDT").then().statusCode(200);
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 403, "SCOPE_MISSING")
                .body("detail", org.hamcrest.Matchers.containsString("margin:write"));
        assertEquals(0, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }

    @Test
    void aJwtWithoutScopeMayDoNothing() {
        String token = TestIdentityProvider.token("scopeless", List.of("default"), null);
        Facade.problem(Facade.as(token, null).get("/v1/margin-mode?symbol=BTCUSDT").then(), 403, "SCOPE_MISSING");
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 403, "SCOPE_MISSING");
        String unrelated = TestIdentityProvider.token("other-scopes", List.of("default"), "openid profile");
        Facade.problem(Facade.put(Facade.as(unrelated, null), "", CHANGE), 403, "SCOPE_MISSING");
        assertEquals(0, Simulator.calls().size());
    }

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", TestIdentityProvider.sign(TestIdentityProvider.claims("late", List.of("*"), BOTH)
                        .issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(600)))),
                Arguments.of("not yet valid", TestIdentityProvider.sign(TestIdentityProvider.claims("early", List.of("*"), BOTH)
                        .claim("nbf", now.plusSeconds(600).getEpochSecond()))),
                Arguments.of("wrong issuer", TestIdentityProvider.sign(TestIdentityProvider.claims("elsewhere", List.of("*"), BOTH)
                        .issuer("https://idp.other.invalid"))),
                Arguments.of("wrong audience", TestIdentityProvider.sign(TestIdentityProvider.claims("elsewhere", List.of("*"), BOTH)
                        .audience("another-service"))),
                Arguments.of("no audience", TestIdentityProvider.sign(TestIdentityProvider.claims("anywhere", List.of("*"), BOTH)
                        .remove("aud"))),
                Arguments.of("bad signature", TestIdentityProvider.signWithAnotherKey(
                        TestIdentityProvider.claims("forger", List.of("*"), BOTH))),
                Arguments.of("alg none", TestIdentityProvider.unsigned(TestIdentityProvider.token("forger", List.of("*"), BOTH))),
                Arguments.of("not a JWT", "eyJhbGciOiJSUzI1NiJ9.not-a-payload.not-a-signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesAJwtThatFailsACheck(String why, String token) {
        Facade.problem(Facade.put(Facade.as(token, null), "", CHANGE), 401, "UNAUTHORIZED")
                .header("WWW-Authenticate", "Bearer");
        assertEquals(0, Simulator.calls().size(), why + ": nothing was sent");
    }

    @Test
    void staticTokensStillWorkBesideJwts() {
        Facade.put(CHANGE).statusCode(200);
        given().auth().oauth2(TestAccounts.SECOND_TOKEN).when().get("/v1/margin-mode?symbol=BTCUSDT").then().statusCode(200);
    }
}
