package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The identity provider of the tests: an RSA key pair made on the first use in a build (under {@code target/}, so that
 * every class loader and the packaged application's tests see the same one), its public key as a JWKS file and as
 * a PEM file, and the JWTs it signs. No network: the service reads the files.
 */
public final class TestIdentityProvider {

    public static final String ISSUER = "https://idp.test.bitget-margin.invalid";
    public static final String AUDIENCE = "bitget-margin";
    public static final String KEY_ID = "test-key-1";

    private static final Path DIRECTORY = Path.of("target", "test-identity-provider").toAbsolutePath();
    public static final Path JWKS = DIRECTORY.resolve("jwks.json");
    public static final Path PEM = DIRECTORY.resolve("public-key.pem");
    private static final Path PRIVATE_KEY = DIRECTORY.resolve("private-key.der");

    private TestIdentityProvider() {
    }

    /** The service's configuration: JWTs of this provider, verified against its JWKS file. */
    public static Map<String, String> config() {
        ensureKeys();
        return Map.of("mp.jwt.verify.publickey.location", JWKS.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A valid token: {@code sub}, its accounts (null: no claim) and its scope claim (null: none), for ten minutes. */
    public static String token(String subject, List<String> accounts, String scope) {
        return sign(claims(subject, accounts, scope));
    }

    /** The claims of {@link #token}, to be changed before {@link #sign}. */
    public static JwtClaimsBuilder claims(String subject, List<String> accounts, String scope) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE).issuedAt(Instant.now())
                .expiresIn(600);
        if (accounts != null) {
            claims.claim("accounts", accounts);
        }
        if (scope != null) {
            claims.claim("scope", scope);
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(privateKey());
    }

    /** Signed with a key the service does not know. */
    public static String signWithAnotherKey(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(newKeyPair().getPrivate());
    }

    /** The same claims, unsigned ({@code "alg":"none"}). */
    public static String unsigned(String signedToken) {
        String payload = signedToken.split("\\.")[1];
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_KEY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the test identity provider's key cannot be read", e);
        }
    }

    private static synchronized void ensureKeys() {
        if (Files.exists(PRIVATE_KEY) && Files.exists(JWKS) && Files.exists(PEM)) {
            return;
        }
        KeyPair keys = newKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(unsignedBytes(publicKey.getModulus())) + "\",\"e\":\"" + base64Url(unsignedBytes(publicKey.getPublicExponent()))
                + "\"}]}";
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(DIRECTORY);
            write(JWKS, jwks.getBytes(StandardCharsets.UTF_8));
            write(PEM, pem.getBytes(StandardCharsets.US_ASCII));
            write(PRIVATE_KEY, keys.getPrivate().getEncoded()); // last: its presence means the others are there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(DIRECTORY, file.getFileName().toString(), ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK's big-endian unsigned integer: without the sign byte {@link BigInteger#toByteArray} may add. */
    private static byte[] unsignedBytes(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
