package io.bitgetmargin.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Holds every facade request body to {@code bitget-margin.max-request-bytes} before the REST layer reads it, and
 * refuses a larger one with 413 {@code REQUEST_TOO_LARGE} as problem+json, closing the connection:
 * <ul>
 * <li>with a {@code Content-Length} over the limit, at once, before any of the body is read;</li>
 * <li>chunked (HTTP/1.1, no length), by buffering it up to the limit and refusing it as soon as it goes beyond.</li>
 * </ul>
 * Bodies with a length are not buffered here: on HTTP/2 the REST layer fails on a body that was already read
 * ("Request has already been read"), and it reads them itself. Quarkus's own limit,
 * {@code quarkus.http.limits.max-body-size}, is set to the same value as a last resort (an HTTP/2 body without a
 * length): its answer is a bare 413.
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

    void register(@Observes Router router) {
        // Before Quarkus's own limit (order -2), which answers without a body.
        router.route(FACADE_PATHS).order(-3).handler(this::check).failureHandler(this::refuseIfTooLarge);
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
        context.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(tooLarge());
    }

    /** Built per refusal: it carries the request's id. */
    private Buffer tooLarge() {
        try {
            return Buffer.buffer(json.writeValueAsBytes(Problem.of(ProblemCode.REQUEST_TOO_LARGE, "The body is larger "
                    + "than the " + maxRequestBytes + " bytes accepted (bitget-margin.max-request-bytes); split it, e.g. "
                    + "into smaller batches. Nothing was sent to Bitget.")));
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
