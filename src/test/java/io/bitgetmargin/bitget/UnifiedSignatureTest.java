package io.bitgetmargin.bitget;

import static io.bitgetmargin.bitget.BitgetSignerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The unified-account (v3) requests against the vectors of {@code bitget/uta-sign-vectors.json} (copied from the UTA
 * protocol notes): the signer, and the set-leverage bodies this service serialises, byte for byte.
 */
class UnifiedSignatureTest {

    record Vector(String id, String secret, String timestamp, String method, String requestPath, String queryString,
            String body, int bodyBytes, String preHash, String expectedSignature) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        return vectorsOf("/bitget/uta-sign-vectors.json");
    }

    /** The vectors of a file in this form; {@link SetupSignatureTest} reads the symbol-setup one. */
    static Stream<Vector> vectorsOf(String resource) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode node : BitgetSignerTest.vectorFile(resource).get("vectors")) {
            vectors.add(new Vector(text(node, "id"), text(node, "secret"), text(node, "timestamp"), text(node, "method"),
                    text(node, "requestPath"), text(node, "queryString"), text(node, "body"),
                    node.get("bodyBytes").asInt(), text(node, "preHash"), text(node, "expectedSignature")));
        }
        return vectors.stream();
    }

    private static Map<String, Vector> byId() throws IOException {
        return vectors().collect(Collectors.toMap(Vector::id, vector -> vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsEveryUnifiedVector(Vector vector) {
        String preHash = BitgetSigner.preHash(vector.timestamp(), vector.method(), vector.requestPath(),
                vector.queryString(), vector.body());
        assertEquals(vector.preHash(), preHash);
        assertEquals(vector.expectedSignature(), BitgetSigner.hmac(vector.secret()).sign(preHash));
    }

    @Test
    void serialisesTheSetLeverageBodiesAsTheVectors() throws IOException {
        Map<String, Vector> vectors = byId();
        assertBody(vectors.get("U01"), new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "isolated", null));
        assertBody(vectors.get("U02"), new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "crossed", null));
        assertBody(vectors.get("U03"), new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "isolated", "long"));
        assertBody(vectors.get("U04"), new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "isolated", "short"));
    }

    @Test
    void signsTheSettingsReadWithAnEmptyBody() throws IOException {
        Vector settings = byId().get("U05");
        assertEquals(0, settings.bodyBytes());
        assertEquals(settings.expectedSignature(), BitgetSigner.hmac(settings.secret())
                .sign(BitgetSigner.preHash(settings.timestamp(), "GET", "/api/v3/account/settings", null, "")));
    }

    /** Serialises a body as the edge does and checks its bytes and its signature against the vector. */
    static void assertBody(Vector vector, Object request) {
        String body = BitgetJson.write(request);
        assertEquals(vector.body(), body, vector.id());
        assertEquals(vector.bodyBytes(), body.getBytes(StandardCharsets.UTF_8).length, vector.id());
        assertEquals(vector.expectedSignature(), BitgetSigner.hmac(vector.secret())
                .sign(BitgetSigner.preHash(vector.timestamp(), "POST", vector.requestPath(), null, body)), vector.id());
    }
}
