package io.bitgetmargin.bitget;

import static io.bitgetmargin.bitget.UnifiedSignatureTest.assertBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.bitgetmargin.bitget.UnifiedSignatureTest.Vector;

/**
 * The symbol-setup requests against the vectors of {@code bitget/setup-sign-vectors.json} (copied from the setup
 * protocol notes): the signer, and the bodies this service serialises for classic set-leverage, set-position-mode and
 * unified set-hold-mode and set-leverage, byte for byte. The ccxt-ordered vectors show why the order is pinned.
 */
class SetupSignatureTest {

    static Stream<Vector> vectors() throws IOException {
        return UnifiedSignatureTest.vectorsOf("/bitget/setup-sign-vectors.json");
    }

    private static Map<String, Vector> byId() throws IOException {
        return vectors().collect(Collectors.toMap(Vector::id, vector -> vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsEverySetupVector(Vector vector) {
        String preHash = BitgetSigner.preHash(vector.timestamp(), vector.method(), vector.requestPath(),
                vector.queryString(), vector.body());
        assertEquals(vector.preHash(), preHash);
        assertEquals(vector.bodyBytes(), vector.body().getBytes(StandardCharsets.UTF_8).length);
        assertEquals(vector.expectedSignature(), BitgetSigner.hmac(vector.secret()).sign(preHash));
    }

    @Test
    void serialisesTheClassicLeverageBodiesAsTheVectors() throws IOException {
        Map<String, Vector> vectors = byId();
        assertBody(vectors.get("S01"), new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "3", null));
        assertBody(vectors.get("S02"), new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "3", "long"));
        assertBody(vectors.get("S03"), new SetFuturesLeverageRequest("BTCUSDT", "USDT-FUTURES", "USDT", "3", "short"));
        assertNotEquals(vectors.get("S01").expectedSignature(), vectors.get("S04").expectedSignature(),
                "the same fields in ccxt's order are other bytes");
    }

    @Test
    void serialisesThePositionModeBodiesAsTheVectors() throws IOException {
        Map<String, Vector> vectors = byId();
        assertBody(vectors.get("S05"), new SetPositionModeRequest("USDT-FUTURES", "one_way_mode"));
        assertBody(vectors.get("S07"), new SetHoldModeRequest("one_way_mode"));
        assertBody(vectors.get("S08"), new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "3", "isolated", null));
    }
}
