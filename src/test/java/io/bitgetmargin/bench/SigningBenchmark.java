package io.bitgetmargin.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.bitgetmargin.bitget.BitgetJson;
import io.bitgetmargin.bitget.BitgetSigner;
import io.bitgetmargin.bitget.SetMarginModeRequest;

/**
 * The per-request cost of what the signing filter does for one set-margin-mode call: serialise the body once,
 * build the pre-hash, sign it (HMAC-SHA256 or SHA256withRSA), and encode the bytes that are sent.
 * Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBenchmark {

    private static final String PATH = "/api/v2/mix/account/set-margin-mode";

    private BitgetSigner hmac;
    private BitgetSigner rsa;
    private SetMarginModeRequest request;

    @Setup
    public void setUp() throws Exception {
        hmac = BitgetSigner.of("test_secret_123");
        rsa = BitgetSigner.of(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SigningBenchmark.class.getResourceAsStream("/bitget/sign-vectors.json"))
                .get("rsaTestKey").get("privateKeyPkcs8Pem").asText());
        request = new SetMarginModeRequest("BTCUSDT", "USDT-FUTURES", "USDT", "isolated");
    }

    @Benchmark
    public byte[] serialiseOnly() {
        return BitgetJson.write(request).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String serialiseAndSignHmac() {
        String body = BitgetJson.write(request);
        body.getBytes(StandardCharsets.UTF_8);
        return hmac.sign(BitgetSigner.preHash("1659076670000", "POST", PATH, "", body));
    }

    @Benchmark
    public String serialiseAndSignRsa() {
        String body = BitgetJson.write(request);
        body.getBytes(StandardCharsets.UTF_8);
        return rsa.sign(BitgetSigner.preHash("1659076670000", "POST", PATH, "", body));
    }
}
