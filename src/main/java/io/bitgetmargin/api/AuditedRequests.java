package io.bitgetmargin.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.Caller;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** Takes the facts of the request being served for its audit lines, once, before its work leaves the request's thread. */
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
}
