package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A forward HTTP proxy on 127.0.0.1 that requires Basic credentials ({@value #USER}, {@value #PASSWORD}), as an
 * egress proxy of a cluster does: it answers 407 without them, and forwards an authorised absolute-form request
 * ({@code POST http://127.0.0.1:port/path}) to that loopback address, byte for byte, without its
 * {@code Proxy-Authorization}. As a Quarkus test resource it points the Bitget client at itself, with the init
 * argument {@code password} as the password the service sends (the right one unless told).
 * <p>
 * It forwards to loopback only, and refuses any other host.
 */
public class LoopbackProxy implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "egress";
    public static final String PASSWORD = "proxy-pass-5ecret";

    /** What the proxy saw of a request: its absolute URI, and whether it carried the right credentials. */
    public record Seen(String method, String uri, boolean authorised) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final Set<String> HOP_BY_HOP = Set.of("proxy-authorization", "proxy-connection", "connection",
            "keep-alive", "host", "content-length", "transfer-encoding", "upgrade", "te", "trailer", "expect");

    private String password = PASSWORD;
    private HttpServer server;
    private ExecutorService executor;
    private final HttpClient forward = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    @Override
    public void init(Map<String, String> initArgs) {
        password = initArgs.getOrDefault("password", PASSWORD);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback proxy", e);
        }
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::proxy);
        server.start();
        SEEN.clear();
        return Map.of(
                "quarkus.rest-client.bitget.proxy-address", "127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.rest-client.bitget.proxy-user", USER,
                "quarkus.rest-client.bitget.proxy-password", password);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Every request the proxy received, in order. */
    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    public static void forget() {
        SEEN.clear();
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI target = exchange.getRequestURI();
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            boolean authorised = expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            SEEN.add(new Seen(exchange.getRequestMethod(), target.toString(), authorised));
            if (!authorised) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"egress\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            if (!"http".equals(target.getScheme()) || !"127.0.0.1".equals(target.getHost())) {
                exchange.sendResponseHeaders(403, -1); // loopback only: never a way out of this machine
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), body.length == 0 && !"POST".equals(exchange.getRequestMethod())
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answered = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), answered.length == 0 ? -1 : answered.length);
            if (answered.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answered);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
