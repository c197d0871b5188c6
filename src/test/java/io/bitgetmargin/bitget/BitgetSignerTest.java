package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The signer against every HMAC vector of {@code bitget/sign-vectors.json} (copied from the protocol notes). */
class BitgetSignerTest {

    record Vector(String id, String secret, String timestamp, String method, String requestPath, String queryString,
            String body, String preHash, String preHashUtf8Hex, String expectedSignature) {
        @Override
        public String toString() {
            return id;
        }
    }

    static JsonNode vectorFile() throws IOException {
        return vectorFile("/bitget/sign-vectors.json");
    }

    /** A vector file of the test resources; {@link UnifiedSignatureTest} reads the unified-account one. */
    static JsonNode vectorFile(String resource) throws IOException {
        try (InputStream in = BitgetSignerTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Vector> hmacVectors() throws IOException {
        return vectors().filter(vector -> vector.id().startsWith("V"));
    }

    static Stream<Vector> vectors() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Vector> vectors = new java.util.ArrayList<>();
        for (JsonNode node : vectorFile().get("vectors")) {
            vectors.add(new Vector(node.get("id").asText(), text(node, "secret"), text(node, "timestamp"),
                    text(node, "method"), text(node, "requestPath"), text(node, "queryString"), text(node, "body"),
                    text(node, "preHash"), text(node, "preHashUtf8Hex"), text(node, "expectedSignature")));
        }
        return vectors.stream();
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @Test
    void theVectorFileHoldsEveryHmacVector() throws IOException {
        assertEquals(14, hmacVectors().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacVectors")
    void buildsThePreHashOfEveryVector(Vector vector) {
        String preHash = BitgetSigner.preHash(vector.timestamp(), vector.method(), vector.requestPath(),
                vector.queryString(), vector.body());
        assertEquals(vector.preHash(), preHash);
        assertEquals(vector.preHashUtf8Hex(), HexFormat.of().formatHex(preHash.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacVectors")
    void signsEveryVector(Vector vector) {
        String signature = BitgetSigner.hmac(vector.secret()).sign(BitgetSigner.preHash(vector.timestamp(),
                vector.method(), vector.requestPath(), vector.queryString(), vector.body()));
        assertEquals(vector.expectedSignature(), signature);
    }

    @Test
    void serialisesTheSetMarginModeBodyAsVectorV01() throws IOException {
        Vector v01 = vector("V01");
        assertEquals(v01.body(), BitgetJson.write(new SetMarginModeRequest("BTCUSDT", "USDT-FUTURES", "USDT", "isolated")));
    }

    @Test
    void serialisesNonLatinSymbolsAsRawUtf8AsVectorV08() throws IOException {
        Vector v08 = vector("V08");
        assertEquals(v08.body(), BitgetJson.write(new SetMarginModeRequest("龙虾USDT", "USDT-FUTURES", "USDT", "isolated")));
        assertNotEquals(vector("V09").body(), v08.body());
    }

    @Test
    void sortsAnUnsortedQueryIntoVectorV05() throws IOException {
        SignedQuery query = SignedQuery.of(vector("V06").queryString());
        assertEquals(vector("V05").queryString(), query.encoded());
        assertEquals(vector("V05").queryString(), query.decoded());
    }

    @Test
    void signsTheDecodedQueryAsVectorV10AndSendsItEncoded() throws IOException {
        Vector v10 = vector("V10");
        Vector v11 = vector("V11");
        // What goes on the wire is the encoded form (V11's query, already sorted); what is signed is V10's.
        SignedQuery query = SignedQuery.of(v11.queryString());
        assertEquals(v11.queryString(), query.encoded());
        assertEquals(v10.queryString(), query.decoded());
        String signature = BitgetSigner.hmac(v10.secret()).sign(BitgetSigner.preHash(v10.timestamp(), v10.method(),
                v10.requestPath(), query.decoded(), v10.body()));
        assertEquals(v10.expectedSignature(), signature);
        assertNotEquals(v11.expectedSignature(), signature);
    }

    @Test
    void omitsTheQuestionMarkWithoutQuery() {
        assertEquals("1GET/api/v3/account/settings", BitgetSigner.preHash("1", "get", "/api/v3/account/settings", "", ""));
    }

    @Test
    void usesALookalikeBase64SecretLiterallyAsVectorV14() throws IOException {
        Vector v14 = vector("V14");
        assertEquals("dGVzdF9zZWNyZXRfMTIz", v14.secret());
        assertNotEquals(vector("V01").expectedSignature(), v14.expectedSignature());
        assertEquals(v14.expectedSignature(), BitgetSigner.hmac(v14.secret()).sign(v14.preHash()));
    }

    @Test
    void refusesAnEmptySecretWithoutEchoingAnything() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BitgetSigner.hmac(""));
        assertEquals("the Bitget secret key is empty", refused.getMessage());
    }

    @Test
    void neverShowsTheSecretInToString() {
        String text = BitgetCredentials.of("default", "key", "super-secret", "my-passphrase", false, AccountTypeSetting.AUTO).toString();
        assertEquals(false, text.contains("super-secret"));
        assertEquals(false, text.contains("my-passphrase"));
    }

    static Vector vector(String id) throws IOException {
        return vectors().filter(vector -> vector.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void signsTheRsaVectorsWithThePkcs8Key() throws IOException {
        String pem = vectorFile().get("rsaTestKey").get("privateKeyPkcs8Pem").asText();
        for (String id : new String[] { "R01", "R02" }) {
            Vector vector = vector(id);
            BitgetSigner signer = BitgetSigner.of(pem);
            assertEquals("SHA256withRSA", signer.algorithm());
            assertEquals(vector.expectedSignature(), signer.sign(BitgetSigner.preHash(vector.timestamp(), vector.method(),
                    vector.requestPath(), vector.queryString(), vector.body())), id);
        }
    }

    @Test
    void readsAPemWhoseLineBreaksCameThroughAnEnvironmentVariableAsBackslashN() throws IOException {
        String pem = vectorFile().get("rsaTestKey").get("privateKeyPkcs8Pem").asText().replace("\n", "\\n");
        assertEquals(vector("R01").expectedSignature(), BitgetSigner.of(pem).sign(vector("R01").preHash()));
    }

    @Test
    void refusesABrokenPemWithoutEchoingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BitgetSigner.of("-----BEGIN PRIVATE KEY-----\nnot-base64!!\n-----END PRIVATE KEY-----"));
        assertEquals("the Bitget secret key is not a valid PKCS#8 RSA private key", refused.getMessage());
    }
}
