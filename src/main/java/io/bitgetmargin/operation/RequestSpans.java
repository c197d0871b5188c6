package io.bitgetmargin.operation;

import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.security.Caller;
import io.bitgetmargin.setup.SymbolSetupInput;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.trace.Span;

/**
 * What the span that stands for a request (the HTTP server span of a REST call, the span of an agent's tool call) says
 * about it: who asked (the caller's and the account's labels, never a
 * key or a token), for which symbol and product type, and how it ended (the outcome, or the problem code set by
 * the door that answers it). A no-op while tracing is off. The span is taken when the request starts, because the
 * request's work may run detached from it ({@code Hangup}).
 */
public final class RequestSpans {

    private RequestSpans() {
    }

    /** A request about no account in particular. */
    static void askedBy(Span server, Caller caller) {
        server.setAttribute(TraceAttributes.CALLER, caller.name());
    }

    static void asked(Span server, Caller caller, String account, String symbol) {
        server.setAttribute(TraceAttributes.CALLER, caller.name());
        server.setAttribute(TraceAttributes.ACCOUNT, account == null || account.isBlank() ? "default" : account);
        String asked = DecisionAudit.upper(symbol);
        if (asked != null) {
            server.setAttribute(TraceAttributes.SYMBOL, asked);
        }
    }

    static void asked(Span server, Caller caller, String account, MarginModeInput input) {
        asked(server, caller, account, input == null ? null : input.symbol(),
                input == null ? null : input.productType());
    }

    static void asked(Span server, Caller caller, String account, SymbolSetupInput input) {
        asked(server, caller, account, input == null ? null : input.symbol(),
                input == null ? null : input.productType());
    }

    /** A batch: each symbol has a span of its own under this one ({@code NestedSpans}). */
    static void askedMany(Span server, Caller caller, String account, String productType) {
        asked(server, caller, account, null, productType);
    }

    private static void asked(Span server, Caller caller, String account, String symbol, String productType) {
        asked(server, caller, account, symbol);
        String asked = DecisionAudit.upper(productType);
        if (asked != null) {
            server.setAttribute(TraceAttributes.PRODUCT_TYPE, asked);
        }
    }

    static void ensured(Span server, MarginModeResult result) {
        server.setAttribute(TraceAttributes.SYMBOL, result.symbol());
        server.setAttribute(TraceAttributes.PRODUCT_TYPE, result.productType().wireName());
        server.setAttribute(TraceAttributes.OUTCOME, result.outcome().name());
    }

    static void setUp(Span server, SymbolSetupResult result) {
        server.setAttribute(TraceAttributes.SYMBOL, result.symbol());
        server.setAttribute(TraceAttributes.PRODUCT_TYPE, result.productType().wireName());
        server.setAttribute(TraceAttributes.OUTCOME, result.outcome().name());
    }

    /** A refusal, as the door that answers it answers it: on the span of the request being answered. */
    public static void refused(Problem problem) {
        if (problem.code() != null) {
            Span.current().setAttribute(TraceAttributes.PROBLEM, problem.code());
        }
    }
}
