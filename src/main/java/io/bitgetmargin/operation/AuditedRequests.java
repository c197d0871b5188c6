package io.bitgetmargin.operation;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.Hangup;
import io.bitgetmargin.security.Caller;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;

/**
 * Takes the facts of the request being served for its audit lines, once, before its work leaves the request's thread,
 * and runs a change with them ({@link #change}).
 */
@ApplicationScoped
public class AuditedRequests {

    /**
     * The request's facts: its id, the trace of its {@code channel}'s span (null while tracing is off), {@code caller}
     * (null: none authenticated), the account it named (null: the default one) and the door it came in by.
     */
    public RequestFacts of(Channel channel, Caller caller, String account) {
        SpanContext trace = channel.span().getSpanContext();
        return new RequestFacts(channel.requestId(), trace.isValid() ? trace.getTraceId() : null,
                caller == null ? null : caller.name(), BitgetAccounts.nameOf(account), channel.via(), channel.client());
    }

    /**
     * Runs {@code work}, given the request's facts, as a change of {@code caller}: its Bitget calls take that caller's
     * turns ({@link Caller#onBehalfOf}), and it runs to its end even when the caller hangs up ({@link Hangup}).
     */
    <T> Uni<T> change(Channel channel, Caller caller, String account, Function<RequestFacts, Uni<T>> work) {
        RequestFacts request = of(channel, caller, account);
        return caller.onBehalfOf().around(Hangup.outliving(() -> work.apply(request)));
    }
}
