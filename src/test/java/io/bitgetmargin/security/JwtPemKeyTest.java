package io.bitgetmargin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The identity provider's key given as a PEM public key ({@code mp.jwt.verify.publickey}, which SmallRye JWT prefers
 * to the JWKS location the other tests use): its JWTs pass, another key's do not.
 */
@QuarkusTest
@TestProfile(JwtPemKeyTest.PemKey.class)
@WithTestResource(LoopbackBitget.class)
class JwtPemKeyTest {

    public static class PemKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestIdentityProvider.config(); // makes the keys
            try {
                return Map.of("mp.jwt.verify.publickey", Files.readString(TestIdentityProvider.PEM));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void acceptsTheKeysJwtsOnly() {
        Simulator.reset();
        Map<String, String> change = Facade.change("BTCUSDT", "isolated");
        String token = TestIdentityProvider.token("pem-bot", List.of("default"), "margin:read margin:write");
        Facade.put(Facade.as(token, null), "", change).statusCode(200);
        String forged = TestIdentityProvider.signWithAnotherKey(TestIdentityProvider.claims("pem-bot", List.of("default"),
                "margin:read margin:write"));
        Facade.problem(Facade.put(Facade.as(forged, null), "", change), 401, "UNAUTHORIZED");
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }
}
