package io.bitgetmargin.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.request.RequestIds;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Holds every facade request body to {@code bitget-margin.max-request-bytes} and refuses a larger one with 413
 * {@code REQUEST_TOO_LARGE} as problem+json, nothing sent to Bitget, before the REST layer parses it:
 * <ul>
 * <li>with a {@code Content-Length} over the limit, at once, before any of the body is read;</li>
 * <li>chunked (HTTP/1.1, no length), by buffering it here up to the limit and refusing it as soon as it goes
 * beyond;</li>
 * <li>HTTP/2 without a length, as the REST layer reads it ({@link StreamedBodyLimit}): an HTTP/2 body cannot be
 * buffered here, because Quarkus REST pauses the request when it takes it over and Vert.x refuses to pause an HTTP/2
 * request that has ended ("Request has already been read", quarkus#34393). Quarkus's own limit is lifted for these
 * requests: it would answer a bare 413 with a {@code Connection} header, which HTTP/2 forbids (the caller saw a
 * stream error, not a 413), and the REST layer would log its failure as an error.</li>
 * </ul>
 * After a refusal the rest of the body is not read: on HTTP/1.1 the connection is closed ({@code Connection: close});
 * on HTTP/2, where that header is illegal, the request's stream is reset with {@code NO_ERROR} once the answer is out
 * (RFC 9113, section 8.1), and the connection lives on. Quarkus's {@code quarkus.http.limits.max-body-size} is set to
 * the same value for the other paths ({@code /q}, and the agents' {@code /mcp}).
 */
@ApplicationScoped
public class FacadeBodyLimit {

    /** The facade's resources; health, metrics and OpenAPI live under {@code /q}. */
    private static final String FACADE_PATHS = "/v1/*";

    private final long maxRequestBytes;
    private final ObjectMapper json;
    private final BodyHandler chunkedBodies;

    FacadeBodyLimit(FacadeConfig config, ObjectMapper json) {
        this.maxRequestBytes = config.maxRequestBytes();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxRequestBytes);
        this.json = json;
    }

    /** {@code bitget-margin.max-request-bytes}. */
    long maxRequestBytes() {
        return maxRequestBytes;
    }

    void register(@Observes Router router) {
        // Before Quarkus's own limit (order -2), which answers without a body.
        router.route(FACADE_PATHS).order(-3).handler(this::check).failureHandler(this::refuseIfTooLarge);
        // After it: it marks every request without a length for the REST layer's bare 413.
        router.route(FACADE_PATHS).order(-1).handler(this::leaveHttp2StreamsToTheRestLayer);
    }

    /** An HTTP/2 body without a length is counted by {@link StreamedBodyLimit} as the REST layer reads it. */
    private void leaveHttp2StreamsToTheRestLayer(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2 && context.request().getHeader("Content-Length") == null) {
            context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            // A refusal leaves the rest of the body unread: the stream is reset once the answer is out.
            context.addEndHandler(sent -> resetIfUnread(context));
        }
        context.next();
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            if (parsed(length) > maxRequestBytes) {
                refuse(context);
            } else {
                context.next();
            }
        } else if (context.request().version() != HttpVersion.HTTP_2
                && "chunked".equalsIgnoreCase(context.request().getHeader("Transfer-Encoding"))) {
            // Fails the context with 413 as soon as the body goes past the limit; passes it on otherwise.
            chunkedBodies.handle(context);
        } else {
            context.next();
        }
    }

    private void refuseIfTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context) {
        HttpServerResponse response = context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (context.request().version() == HttpVersion.HTTP_2) {
            response.end(tooLarge(context)).onComplete(sent -> resetIfUnread(context));
        } else {
            response.putHeader("Connection", "close").end(tooLarge(context));
        }
    }

    /** HTTP/2's way to stop a caller sending a body nobody reads: RST_STREAM with NO_ERROR after the answer. */
    private static void resetIfUnread(RoutingContext context) {
        if (!context.request().isEnded()) {
            context.response().reset(0);
        }
    }

    /** Built per refusal: it carries the request's id. */
    private Buffer tooLarge(RoutingContext context) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(Problems.bodyTooLarge(maxRequestBytes).forRequest(RequestIds.of(context))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body cannot be written", e);
        }
    }

    private static long parsed(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
