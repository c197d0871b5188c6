package io.bitgetmargin.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.FreePorts;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * JWTs verified against a key set at a URL (the identity provider's JWKS endpoint) that cannot be reached: the JWT
 * caller is told 503 with its own code and {@code Retry-After}, not a 500, and a static token still works.
 */
@QuarkusTest
@TestProfile(UnreachableKeySetTest.KeySetNobodyServes.class)
class UnreachableKeySetTest {

    public static class KeySetNobodyServes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + FreePorts.loopback() + "/jwks.json",
                    "mp.jwt.verify.issuer", TestIdentityProvider.ISSUER,
                    "mp.jwt.verify.audiences", TestIdentityProvider.AUDIENCE);
        }
    }

    @Test
    void aJwtCallerIsToldTheKeySetIsUnavailableAndWhenToRetry() {
        String token = TestIdentityProvider.token("desk-bot-9", List.of("*"), "margin:read margin:write");
        given().header("Authorization", "Bearer " + token).header("X-Request-Id", "jwks-down-1")
                .queryParam("symbol", "BTCUSDT")
                .get("/v1/margin-mode")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("JWT_KEYS_UNAVAILABLE"))
                .body("requestId", equalTo("jwks-down-1"))
                .body("detail", not(containsString(token)));
    }

    @Test
    void aStaticTokenIsNotAffected() {
        // Past authentication: the facade goes on to Bitget, which this profile does not reach at all.
        given().header("Authorization", "Bearer " + TestAccounts.TOKEN).queryParam("symbol", "BTCUSDT")
                .get("/v1/margin-mode")
                .then()
                .body("code", not(equalTo("JWT_KEYS_UNAVAILABLE")))
                .body("code", not(equalTo("UNAUTHORIZED")));
    }
}
