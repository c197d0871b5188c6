package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;

/**
 * Starts the packaged artifact (the jar, or the native executable with {@code -Dnative}) exactly as a user would, configured only through environment variables
 * ({@code BITGET_API_KEY}, {@code BITGET_SECRET_KEY}, {@code BITGET_PASSPHRASE}, {@code BITGET_MARGIN_API_TOKENS}),
 * against a loopback server that checks signatures; and checks that it refuses to start, in one line, without them.
 */
class PackagedArtifactEnvironmentIT {

    private static final long START_TIMEOUT_SECONDS = 60;

    private static LoopbackBitget bitget;
    private static String bitgetUrl;

    @BeforeAll
    static void startLoopbackBitget() throws IOException {
        bitget = new LoopbackBitget();
        bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
    }

    @AfterAll
    static void stopLoopbackBitget() {
        bitget.stop();
    }

    private static Map<String, String> environment() {
        return ServiceProcess.environment(bitgetUrl, "env-token-1, env-token-2");
    }

    private static Process start(Map<String, String> environment) throws IOException {
        return ServiceProcess.startPackaged(environment);
    }

    @Test
    void changesTheMarginModeWithCredentialsFromTheEnvironment() throws Exception {
        Simulator.reset();
        Process process = start(environment());
        try {
            int port = ServiceProcess.awaitPort(process, START_TIMEOUT_SECONDS);
            Facade.put(given().baseUri("http://127.0.0.1").port(port).auth().oauth2("env-token-2"), "",
                    Facade.change("btcusdt", "usdt-futures", "usdt", "fixed"))
                    .statusCode(200)
                    .body("symbol", equalTo("BTCUSDT"))
                    .body("marginMode", equalTo("isolated"));
            Simulator.arrange("BTCUSDT", Map.of("openOrders", 1));
            Facade.problem(Facade.put(given().baseUri("http://127.0.0.1").port(port).auth().oauth2("env-token-1"), "",
                    Facade.change("BTCUSDT", "crossed")), 409, "POSITION_OR_ORDER_OPEN");
            assertEquals(2, Simulator.calls(Simulator.SET_MARGIN_MODE).size());
        } finally {
            ServiceProcess.stop(process);
        }
    }

    @Test
    void refusesToStartWithoutCredentialsOrTokens() throws Exception {
        Map<String, String> environment = environment();
        environment.remove("BITGET_SECRET_KEY");
        environment.remove("BITGET_MARGIN_API_TOKENS");
        Process process = start(environment);
        try {
            assertTrue(process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the service should stop by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue());
            assertTrue(output.contains("bitget-margin refuses to start: set BITGET_SECRET_KEY, BITGET_MARGIN_API_TOKENS"),
                    output);
            assertFalse(output.contains("Listening on"), output);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void refusesToStartOnTheRedisStoreWithoutARedis() throws Exception {
        Map<String, String> environment = environment();
        environment.put("BITGET_MARGIN_RATE_LIMIT_STORE", "redis");
        Process process = start(environment);
        try {
            assertTrue(process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the service should stop by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue());
            assertTrue(output.contains("bitget-margin.rate-limit.store=redis needs a Redis: set QUARKUS_REDIS_HOSTS"), output);
            assertFalse(output.contains("Listening on"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
