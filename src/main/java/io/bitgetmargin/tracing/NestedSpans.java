package io.bitgetmargin.tracing;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Spans nested in a request's, each the parent of the Bitget calls made in its work: one per symbol of a batch or a
 * setup, so that a trace shows each symbol's calls to Bitget under it; and the server span of an agent's tool call,
 * the parent of its calls to Bitget.
 * <p>
 * Quarkus keeps one current OpenTelemetry context per request, and a batch's symbols run side by side in that one
 * request: the current context cannot say which symbol a call works for. So the symbol's span travels down in
 * Mutiny's subscription {@link Context}, a copy of the request's for each symbol, and the Bitget client takes the
 * parent of its attempts' spans from there ({@link #parentIn}). Outside a symbol's work the parent is the current
 * context, the request's server span.
 */
@ApplicationScoped
public class NestedSpans {

    private static final String CONTEXT_KEY = NestedSpans.class.getName();

    /** Reads a request's headers for the W3C propagator. */
    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> header) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> header, String key) {
            return header == null ? null : header.apply(key);
        }
    };

    private final Tracer tracer;
    private final OpenTelemetry telemetry;
    /** Tracing is off ({@link TracingSwitch}): a server span of ours would still name a trace nobody can find. */
    private final boolean off;

    NestedSpans(Tracer tracer, OpenTelemetry telemetry,
            @ConfigProperty(name = TracingSwitch.SDK_DISABLED, defaultValue = "false") boolean off) {
        this.tracer = tracer;
        this.telemetry = telemetry;
        this.off = off;
    }

    /** The parent of a Bitget call's spans made in a subscription of {@code context}. */
    public static io.opentelemetry.context.Context parentIn(Context context) {
        return context.getOrElse(CONTEXT_KEY, io.opentelemetry.context.Context::current);
    }

    /**
     * Runs {@code work} for {@code symbol} under a span of its own; {@code outcome} names how it ended (null: not
     * said). A failure of {@code work} marks the span as failed, by the failure's type only.
     */
    public <T> Uni<T> symbol(String symbol, Uni<T> work, Function<T, String> outcome) {
        return span("symbol", SpanKind.INTERNAL, null, span -> span.setAttribute(TraceAttributes.SYMBOL, symbol),
                span -> work, outcome);
    }

    /**
     * Runs the work {@code work} makes, given its span, under a server span {@code name} that {@code started} gives
     * its first attributes: for a request that the HTTP server's own instrumentation leaves out (Quarkus traces no
     * framework route, and the agents' endpoint is one). It continues the caller's trace from the request's W3C
     * headers ({@code header} reads one), or starts one; none while tracing is off. Its outcome is its holder's to set.
     */
    public <T> Uni<T> serving(String name, Function<String, String> header, Consumer<Span> started,
            Function<Span, Uni<T>> work) {
        if (off) {
            return Uni.createFrom().deferred(() -> work.apply(Span.getInvalid()));
        }
        io.opentelemetry.context.Context caller = telemetry.getPropagators().getTextMapPropagator()
                .extract(io.opentelemetry.context.Context.root(), header, HEADERS);
        return span(name, SpanKind.SERVER, caller, started, work, item -> null);
    }

    /** {@code parent} null: the one in the subscription's context, else the current one. */
    private <T> Uni<T> span(String name, SpanKind kind, io.opentelemetry.context.Context parentOrNull,
            Consumer<Span> started, Function<Span, Uni<T>> work, Function<T, String> outcome) {
        return Uni.createFrom().emitter(emitter -> {
            Context outer = emitter.context();
            io.opentelemetry.context.Context parent = parentOrNull != null ? parentOrNull : parentIn(outer);
            Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
            started.accept(span);
            Context inner = Context.empty();
            outer.keys().forEach(key -> inner.put(key, outer.get(key)));
            inner.put(CONTEXT_KEY, parent.with(span));
            AtomicBoolean over = new AtomicBoolean();
            Cancellable upstream = Uni.createFrom().deferred(() -> work.apply(span)).subscribe().with(inner, item -> {
                if (over.compareAndSet(false, true)) {
                    String named = outcome.apply(item);
                    if (named != null) {
                        span.setAttribute(TraceAttributes.OUTCOME, named);
                    }
                    span.end();
                }
                emitter.complete(item);
            }, failure -> {
                if (over.compareAndSet(false, true)) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                    span.end();
                }
                emitter.fail(failure);
            });
            emitter.onTermination(() -> {
                if (over.compareAndSet(false, true)) {
                    span.setStatus(StatusCode.ERROR, "cancelled");
                    span.end();
                    upstream.cancel();
                }
            });
        });
    }
}
