package io.bitgetmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * HTTP/2 (h2c with prior knowledge) has no chunked encoding: a body without a {@code Content-Length} is a stream of
 * DATA frames. One over the limit is our 413 problem, like an HTTP/1.1 chunked one, and nothing is logged as an error.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@Tag(LambdaLimits.HTTP2)
class Http2BodyLimitTest {

    private static Vertx vertx;
    private static HttpClient client;

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
    }

    @AfterAll
    static void stopClient() throws Exception {
        if (vertx == null) {
            return; // the application did not start
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    /** An answer as the caller saw it. */
    private record Answer(int status, String contentType, String body, HttpVersion version) {
    }

    /**
     * Sends {@code parts} as separate DATA frames and waits for the answer: with no Content-Length, or with the
     * length of the whole body.
     */
    private static Answer send(HttpMethod method, String path, String requestId, List<String> parts, boolean withLength)
            throws Exception {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("localhost").setPort(RestAssured.port)
                .setURI(path).putHeader("Authorization", "Bearer " + TestAccounts.TOKEN)
                .putHeader("Content-Type", "application/json").putHeader("X-Request-Id", requestId);
        if (withLength) {
            options.putHeader("Content-Length", String.valueOf(String.join("", parts).getBytes(StandardCharsets.UTF_8).length));
        }
        Future<Answer> answer = client.request(options).compose(request -> {
            Future<Answer> response = request.response().compose(r -> r.body()
                    .map(body -> new Answer(r.statusCode(), r.getHeader("Content-Type"), body.toString(StandardCharsets.UTF_8),
                            r.version())));
            writeAll(request, parts, withLength);
            return response;
        });
        return answer.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void writeAll(HttpClientRequest request, List<String> parts, boolean withLength) {
        request.setChunked(!withLength); // on HTTP/2 no chunked encoding: without a length the body is its DATA frames
        for (String part : parts) {
            request.write(Buffer.buffer(part));
        }
        request.end();
    }

    /** A batch body of about {@code bytes}, in 1 KiB frames. */
    private static List<String> batchOf(int bytes) {
        List<String> parts = new ArrayList<>();
        parts.add("{\"marginMode\":\"isolated\",\"symbols\":[\"");
        for (int sent = 0; sent < bytes; sent += 1024) {
            parts.add("X".repeat(Math.min(1024, bytes - sent)));
        }
        parts.add("\"]}");
        return parts;
    }

    private static long logSize() throws IOException {
        return Files.exists(AuditLog.MAIN_LOG) ? Files.size(AuditLog.MAIN_LOG) : 0;
    }

    private static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(AuditLog.MAIN_LOG);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /**
     * 9 000 bytes fit the REST layer's own buffer (Quarkus's limit never looked at those); 20 000 are streamed to the
     * JSON reader. With a length, the refusal comes before any of the body is read.
     */
    @ParameterizedTest(name = "{0} bytes, with a length: {1}")
    @CsvSource({ "9000, false", "20000, false", "20000, true" })
    void refusesAnOversizedHttp2BodyAsAProblemAndLogsNoError(int bytes, boolean withLength) throws Exception {
        long logStart = logSize();
        String requestId = "h2-too-large-" + bytes + "-" + withLength;

        Answer answer = send(HttpMethod.POST, "/v1/margin-mode/batch", requestId, batchOf(bytes), withLength);

        assertEquals(HttpVersion.HTTP_2, answer.version(), "the request went over HTTP/2");
        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("REQUEST_TOO_LARGE", problem.getString("code"));
        assertEquals(413, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("8192 bytes"), problem.getString("detail"));
        assertEquals(requestId, problem.getString("requestId"));
        assertEquals(0, Simulator.calls().size(), "nothing reached Bitget");
        // A refusal is no error: nothing at ERROR, for a while after the answer.
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> logSince(logStart).lines().noneMatch(line -> line.contains(" ERROR ")));
    }

    @Test
    void theConnectionServesTheNextRequestAfterARefusal() throws Exception {
        assertEquals(413, send(HttpMethod.POST, "/v1/margin-mode/batch", "h2-refused-first", batchOf(20_000), false)
                .status());
        Simulator.arrange("ETHUSDT", Map.of("marginMode", "crossed"));
        Answer next = send(HttpMethod.PUT, "/v1/margin-mode", "h2-after-refusal", List.of(
                "{\"symbol\":\"ETHUSDT\",\"marginMode\":\"isolated\"}"), false);
        assertEquals(200, next.status(), next.body());
    }

    @Test
    void acceptsASmallHttp2BodyWithoutALength() throws Exception {
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "crossed"));

        Answer answer = send(HttpMethod.PUT, "/v1/margin-mode", "h2-small-1", List.of("{\"symbol\":\"BTCUSDT\",",
                "\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",", "\"marginMode\":\"isolated\"}"), false);

        assertEquals(HttpVersion.HTTP_2, answer.version());
        assertEquals(200, answer.status(), answer.body());
        assertEquals("CHANGED", JsonPath.from(answer.body()).getString("outcome"));
        assertEquals(1, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
    }
}
