package io.bitgetmargin.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * An OTLP collector stand-in on 127.0.0.1 that speaks both OTLP transports on one port: http/protobuf
 * ({@code POST /v1/traces} over HTTP/1.1) and grpc (the {@code TraceService/Export} method over cleartext HTTP/2).
 * It accepts every export with an empty success answer and keeps the raw requests. Protobuf keeps strings as UTF-8
 * bytes, and the exporter sends gRPC messages uncompressed, so ids and names can be searched in {@link #received()}
 * without decoding.
 */
public final class LoopbackCollector implements AutoCloseable {

    static final String GRPC_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final List<String> transports = new CopyOnWriteArrayList<>();

    public LoopbackCollector() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setHttp2ClearTextEnabled(true)).requestHandler(this::answer);
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (request.path().equals("/v1/traces")) {
                exports.add(body.getBytes());
                transports.add("http/protobuf");
                request.response().putHeader("Content-Type", "application/x-protobuf").end(); // an empty response
            } else if (request.path().equals(GRPC_EXPORT)) {
                exports.add(body.getBytes());
                transports.add("grpc " + request.version());
                // One length-prefixed message (not compressed, 0 bytes: an empty response), then the status.
                request.response().putHeader("Content-Type", "application/grpc").putTrailer("grpc-status", "0")
                        .end(Buffer.buffer(new byte[5]));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
    }

    /** The endpoint to give {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, for either protocol. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Every export request received so far, as one string of their bytes. */
    public String received() {
        StringBuilder all = new StringBuilder();
        exports.forEach(export -> all.append(new String(export, StandardCharsets.ISO_8859_1)));
        return all.toString();
    }

    /** How each export came: {@code http/protobuf}, or {@code grpc} and the HTTP version. */
    public List<String> transports() {
        return List.copyOf(transports);
    }

    public int exportCount() {
        return exports.size();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
