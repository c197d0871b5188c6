package io.bitgetmargin.api;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.Hangup;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.Caller;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;

/**
 * Takes the facts of the request being served for its audit lines, once, before its work leaves the request's thread,
 * and runs a change with them ({@link #change}).
 */
@ApplicationScoped
class AuditedRequests {

    private final CurrentRequest current;

    AuditedRequests(CurrentRequest current) {
        this.current = current;
    }

    /**
     * The request's facts: its id, the trace of its {@code server} span (null while tracing is off), {@code caller}
     * (null: none authenticated) and the account it named (null: the default one).
     */
    RequestFacts of(Span server, Caller caller, String account) {
        SpanContext trace = server.getSpanContext();
        return new RequestFacts(current.id(), trace.isValid() ? trace.getTraceId() : null,
                caller == null ? null : caller.name(), BitgetAccounts.nameOf(account));
    }

    /**
     * Runs {@code work}, given the request's facts, as a change of {@code caller}: its Bitget calls take that caller's
     * turns ({@link Caller#onBehalfOf}), and it runs to its end even when the caller hangs up ({@link Hangup}).
     */
    <T> Uni<T> change(Span server, Caller caller, String account, Function<RequestFacts, Uni<T>> work) {
        RequestFacts request = of(server, caller, account);
        return caller.onBehalfOf().around(Hangup.outliving(() -> work.apply(request)));
    }
}
