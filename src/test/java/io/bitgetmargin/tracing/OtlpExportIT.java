package io.bitgetmargin.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;

/**
 * The packaged artifact with one more environment variable, the OTLP endpoint (http/protobuf), sends its traces to
 * a loopback collector stand-in: what it receives holds the request's id and its Bitget attempts, and no secret.
 */
class OtlpExportIT {

    private static LoopbackBitget bitget;
    private static String bitgetUrl;
    private static HttpServer collector;
    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        bitget = new LoopbackBitget();
        bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                EXPORTS.add(body.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            }
        });
        collector.start();
    }

    @AfterAll
    static void stop() {
        collector.stop(0);
        bitget.stop();
    }

    private static String received() {
        StringBuilder all = new StringBuilder();
        // Protobuf keeps strings as UTF-8 bytes: the ids and names can be searched in the raw export requests.
        EXPORTS.forEach(export -> all.append(new String(export, StandardCharsets.ISO_8859_1)));
        return all.toString();
    }

    @Test
    void oneEnvironmentVariableSendsEachRequestsTraceToTheCollector() throws Exception {
        Simulator.reset();
        Map<String, String> environment = ServiceProcess.environment(bitgetUrl, TestAccounts.TOKEN);
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        Process service = ServiceProcess.startPackaged(environment);
        try {
            int port = ServiceProcess.awaitPort(service, 60);
            Facade.put(given().baseUri("http://127.0.0.1").port(port).auth().oauth2(TestAccounts.TOKEN)
                    .header("X-Request-Id", "otlp-export-1"), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"))
                    .statusCode(200);
            await("the collector's export").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> received().contains("otlp-export-1") && received().contains("bitget set-margin-mode"));
            String received = received();
            assertTrue(received.contains(Simulator.SET_MARGIN_MODE), "the attempt's path");
            for (String secret : List.of(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE,
                    TestAccounts.TOKEN)) {
                assertFalse(received.contains(secret), "the export holds a secret value of length " + secret.length());
            }
        } finally {
            ServiceProcess.stop(service);
        }
    }
}
