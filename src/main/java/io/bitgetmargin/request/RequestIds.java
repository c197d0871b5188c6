package io.bitgetmargin.request;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.trace.Span;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id: the caller's {@value #HEADER} when it is 1 to 64 characters of
 * {@code [A-Za-z0-9._-]}, a new one otherwise. It is echoed in the response header of every answer (health and
 * errors too), is the {@code requestId} of every problem body and audit line, and is the {@value #LOG_KEY} of the
 * log context of every line logged for the request ({@code %X{requestId}} in the log format).
 * <p>
 * The id is kept on the request itself, in its {@link RoutingContext} ({@link #of}), from where the facade takes it
 * for problem bodies and audit lines. The log context is Quarkus's, on the request's own duplicated Vert.x context;
 * wherever work shared with other requests hands this request an outcome, it comes back to that context
 * ({@link OwnContext}), so that its log lines carry its own id.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        // Before everything else, so that even a refusal by another filter carries the id.
        filters.register(this::assign, Integer.MAX_VALUE);
    }

    private void assign(RoutingContext context) {
        String id = accepted(context.request().getHeader(HEADER));
        context.put(LOG_KEY, id);
        MDC.put(LOG_KEY, id);
        Span.current().setAttribute(TraceAttributes.REQUEST_ID, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The caller's id when it is acceptable, a new one otherwise. */
    static String accepted(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id given to the request of {@code context}; null before {@link #assign} ran or outside a request. */
    public static String of(RoutingContext context) {
        Object id = context == null ? null : context.get(LOG_KEY);
        return id == null ? null : id.toString();
    }
}
