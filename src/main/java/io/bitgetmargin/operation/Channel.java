package io.bitgetmargin.operation;

import io.bitgetmargin.audit.RequestFacts;
import io.opentelemetry.api.trace.Span;

/**
 * How a request reached the service, as known before any of its work starts: by which door ({@code via}, one of
 * {@link RequestFacts}'s), from which agent client ({@code client}, the MCP client's name and version; null for
 * REST), its request id, and the span that stands for it (the HTTP server span, or a tool call's span; a no-op span
 * while tracing is off). It is taken on the request's own thread and carried with its work.
 */
public record Channel(String via, String client, String requestId, Span span) {

    public static Channel rest(String requestId, Span span) {
        return new Channel(RequestFacts.VIA_REST, null, requestId, span);
    }

    public static Channel mcp(String client, String requestId, Span span) {
        return new Channel(RequestFacts.VIA_MCP, client, requestId, span);
    }
}
