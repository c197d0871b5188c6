package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.bitgetmargin.simulator.BitgetSimulator;
import io.bitgetmargin.simulator.SimulatedRequest;
import io.bitgetmargin.simulator.SimulatedResponse;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Bitget simulator on its own loopback port, in the test JVM, and points the application under test at
 * it, with the accounts of {@link TestAccounts}. Works the same for {@code @QuarkusTest} and for the packaged jar of
 * {@code @QuarkusIntegrationTest} (which has no embedded simulator). Tests reach its control API through
 * {@link Simulator}.
 */
public class LoopbackBitget implements QuarkusTestResourceLifecycleManager {

    /** System property holding the simulator's base URL, readable from any class loader of the test JVM. */
    static final String URL_PROPERTY = "loopback-bitget.url";

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            String url = startServer();
            System.setProperty(URL_PROPERTY, url);
            Map<String, String> config = new HashMap<>(TestAccounts.config());
            config.put("quarkus.rest-client.bitget.url", url);
            config.put("quarkus.rest-client.bitget.read-timeout", "1000");
            // Tests add contracts as they go: a symbol missing from the cached contracts list always fetches it again
            // (ContractsRefetchTest has the default interval).
            config.put("bitget-margin.contracts.refetch-interval", "0s");
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback Bitget simulator", e);
        }
    }

    /** Starts a simulator server on 127.0.0.1 and answers its base URL. */
    public String startServer() throws IOException {
        return startServer(0);
    }

    /** Starts a simulator server on 127.0.0.1 and the given port (0: any free one) and answers its base URL. */
    public String startServer(int port) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BitgetSimulator simulator = new BitgetSimulator(TestAccounts.simulatorKeys());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // Bounded: a delayed answer holds one worker; 32 are far more than any test keeps waiting at once.
        executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(simulator, exchange));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(BitgetSimulator simulator, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            SimulatedResponse response = simulator.handle(new SimulatedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body));
            if (response.delayMillis() > 0) {
                sleep(response.delayMillis());
            }
            if (response.dropConnection()) {
                return; // closing the exchange without an answer drops the connection
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            if (response.contentType() != null && bytes.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            if (response.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", response.retryAfter());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
