package io.bitgetmargin.operation;

import java.util.function.Function;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.Hangup;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.Caller;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;

/**
 * How a request reached the service, as known before any of its work starts: by which door ({@code via}, one of
 * {@link RequestFacts}'s), from which agent client ({@code client}, the MCP client's name and version; null for
 * REST), its request id, and the span that stands for it (the HTTP server span, or a tool call's span; a no-op span
 * while tracing is off). It is taken on the request's own thread and carried with its work, and gives the request's
 * facts for its audit lines ({@link #facts}), once, before its work leaves that thread.
 */
public record Channel(String via, String client, String requestId, Span span) {

    /** The REST request being served, on its own thread. */
    public static Channel rest(CurrentRequest current) {
        return new Channel(RequestFacts.VIA_REST, null, current.id(), Span.current());
    }

    public static Channel mcp(String client, String requestId, Span span) {
        return new Channel(RequestFacts.VIA_MCP, client, requestId, span);
    }

    /**
     * The request's facts: its id, the trace of its span (null while tracing is off), {@code caller} (null: none
     * authenticated), the account it named (null: the default one) and the door it came in by.
     */
    public RequestFacts facts(Caller caller, String account) {
        SpanContext trace = span.getSpanContext();
        return new RequestFacts(requestId, trace.isValid() ? trace.getTraceId() : null,
                caller == null ? null : caller.name(), BitgetAccounts.nameOf(account), via, client);
    }

    /**
     * Runs {@code work}, given the request's facts, as a change by {@code caller}: its Bitget calls take that caller's
     * turns ({@link Caller#onBehalfOf}), and it runs to its end even when the caller hangs up ({@link Hangup}).
     */
    <T> Uni<T> changeBy(Caller caller, String account, Function<RequestFacts, Uni<T>> work) {
        RequestFacts request = facts(caller, account);
        return caller.onBehalfOf().around(Hangup.outliving(() -> work.apply(request)));
    }
}
