package io.bitgetmargin.bitget;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * One client span per attempt at Bitget, a child of the span the call was made in: the endpoint's path, the attempt
 * number and whether it was a retry, the wait for the rate limiter's turn, and what Bitget answered (HTTP status,
 * Bitget code) or what went wrong. The REST client's own instrumentation is off
 * ({@code quarkus.otel.instrument.resteasy-client=false}): it would send {@code traceparent} to Bitget.
 */
@ApplicationScoped
public class BitgetSpans {

    private final Tracer tracer;

    BitgetSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs {@code exchange} as attempt number {@code attempt} under {@code parent}. */
    <T> Uni<T> attempt(Context parent, BitgetEndpoint endpoint, int attempt, Duration waited, Uni<T> exchange) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder("bitget " + endpoint.tag()).setParent(parent).setSpanKind(SpanKind.CLIENT)
                    .setAttribute(TraceAttributes.BITGET_PATH, endpoint.path())
                    .setAttribute(TraceAttributes.ATTEMPT, (long) attempt)
                    .setAttribute(TraceAttributes.RETRY, attempt > 1)
                    .setAttribute(TraceAttributes.LIMITER_WAIT_MS, waited.toMillis())
                    .startSpan();
            return exchange.onItemOrFailure().invoke((item, failure) -> {
                if (failure == null) {
                    span.setAttribute(TraceAttributes.BITGET_HTTP_STATUS, 200L);
                    span.setAttribute(TraceAttributes.BITGET_CODE, "00000");
                } else {
                    describe(span, failure);
                }
                span.end();
            }).onCancellation().invoke(() -> {
                span.setStatus(StatusCode.ERROR, "cancelled");
                span.end();
            });
        });
    }

    /** The breaker refused the call: nothing was sent, and the span the call was made in says so. */
    static void breakerRefused(Context parent) {
        Span.fromContext(parent).addEvent("bitget circuit breaker open: call refused without sending");
    }

    private static void describe(Span span, Throwable failure) {
        if (failure instanceof BitgetException.Rejected rejected) {
            span.setAttribute(TraceAttributes.BITGET_HTTP_STATUS, (long) rejected.httpStatus());
            span.setAttribute(TraceAttributes.BITGET_CODE, rejected.bitgetCode());
        }
        // BitgetException's messages carry no credentials (see its Javadoc); other failures are named by type only.
        span.setStatus(StatusCode.ERROR, failure instanceof BitgetException ? failure.getMessage()
                : failure.getClass().getSimpleName());
    }
}
