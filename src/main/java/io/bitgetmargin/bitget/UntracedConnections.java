package io.bitgetmargin.bitget;

import jakarta.ws.rs.ext.ContextResolver;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The Bitget client's connections are never traced by Vert.x: its tracer would write {@code traceparent} (and the
 * propagators' other headers) into every request, and an exchange has no use for our internal trace ids. The REST
 * client builds its options on these and adds its configured settings (timeouts, proxy, TLS) on top; the spans of
 * the calls come from {@link BitgetSpans}.
 */
public class UntracedConnections implements ContextResolver<HttpClientOptions> {

    @Override
    public HttpClientOptions getContext(Class<?> type) {
        return new HttpClientOptions().setTracingPolicy(TracingPolicy.IGNORE);
    }
}
