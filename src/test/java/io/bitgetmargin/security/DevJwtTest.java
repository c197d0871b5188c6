package io.bitgetmargin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The dev-mode JWTs of docs/security.md are made with {@code java dev/jwt/DevJwt.java}: what it prints passes the
 * dev profile's verification (its key, issuer and audience in application.properties), with the claims asked for.
 */
class DevJwtTest {

    @Test
    void makesAJwtTheDevProfileAccepts() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "dev/jwt/DevJwt.java", "dashboard", "desk-b,uta-desk", "margin:read")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "DevJwt ends");
        assertEquals(0, process.exitValue());
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(publicKey(Path.of(properties.getProperty("%dev.mp.jwt.verify.publickey.location"))))
                .setExpectedIssuer(properties.getProperty("%dev.mp.jwt.verify.issuer"))
                .setExpectedAudience(properties.getProperty("%dev.mp.jwt.verify.audiences"))
                .setRequireExpirationTime().build().processToClaims(token);
        assertEquals("dashboard", claims.getSubject());
        assertEquals(List.of("desk-b", "uta-desk"), claims.getStringListClaimValue("accounts"));
        assertEquals("margin:read", claims.getStringClaimValue("scope"));
    }

    private static PublicKey publicKey(Path pem) throws IOException, java.security.GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
