package io.bitgetmargin.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackCollector;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;

/**
 * The packaged artifact with one more environment variable, the OTLP endpoint (over http/protobuf or grpc), sends
 * its traces to a loopback collector stand-in: what it receives holds the request's id and its Bitget attempts, and
 * no secret.
 */
class OtlpExportIT {

    private static LoopbackBitget bitget;
    private static String bitgetUrl;
    private static LoopbackCollector collector;

    @BeforeAll
    static void start() throws Exception {
        bitget = new LoopbackBitget();
        bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        collector = new LoopbackCollector();
    }

    @AfterAll
    static void stop() {
        collector.close();
        bitget.stop();
    }

    private static String received() {
        return collector.received();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http/protobuf", "grpc" })
    void oneEnvironmentVariableSendsEachRequestsTraceToTheCollector(String protocol) throws Exception {
        Simulator.reset();
        int exportsBefore = collector.exportCount();
        String requestId = "otlp-export-" + protocol.replace('/', '-');
        Map<String, String> environment = ServiceProcess.environment(bitgetUrl, TestAccounts.TOKEN);
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        Process service = ServiceProcess.startPackaged(environment);
        try {
            int port = ServiceProcess.awaitPort(service, 60);
            Facade.put(given().baseUri("http://127.0.0.1").port(port).auth().oauth2(TestAccounts.TOKEN)
                    .header("X-Request-Id", requestId), "", Map.of("symbol", "BTCUSDT", "marginMode", "isolated"))
                    .statusCode(200);
            await("the collector's export").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> received().contains(requestId) && received().contains("bitget set-margin-mode"));
            String received = received();
            assertTrue(received.contains(Simulator.SET_MARGIN_MODE), "the attempt's path");
            List<String> transports = collector.transports();
            String expected = protocol.equals("grpc") ? "grpc HTTP_2" : "http/protobuf";
            assertTrue(transports.subList(exportsBefore, transports.size()).stream().allMatch(expected::equals),
                    "exported as " + expected + ": " + transports);
            for (String secret : List.of(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE,
                    TestAccounts.TOKEN)) {
                assertFalse(received.contains(secret), "the export holds a secret value of length " + secret.length());
            }
        } finally {
            ServiceProcess.stop(service);
        }
    }
}
