package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP collector stand-in on 127.0.0.1 for http/protobuf: it accepts every {@code POST /v1/traces} with an empty
 * success answer and keeps the raw export requests. Protobuf keeps strings as UTF-8 bytes, so ids and names can be
 * searched in {@link #received()} without decoding.
 */
public final class LoopbackCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    public LoopbackCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                exports.add(body.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            }
        });
        server.start();
    }

    /** The endpoint to give {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, with the http/protobuf protocol. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every export request received so far, as one string of their bytes. */
    public String received() {
        StringBuilder all = new StringBuilder();
        exports.forEach(export -> all.append(new String(export, StandardCharsets.ISO_8859_1)));
        return all.toString();
    }

    public int exportCount() {
        return exports.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
