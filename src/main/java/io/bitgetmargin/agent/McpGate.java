package io.bitgetmargin.agent;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.request.OwnContext;
import io.bitgetmargin.request.RequestIds;
import io.bitgetmargin.security.JwtKeys;
import io.bitgetmargin.security.JwtVerification;
import io.opentelemetry.api.trace.Span;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What stands before the agents' endpoint, in the order it checks: that the endpoint is on, that a browser page
 * calling it comes from an allowed origin (the MCP spec's rule against DNS rebinding; MCP clients send no
 * {@code Origin}), and that the caller is one the facade knows (the same static tokens and JWTs). A caller without
 * valid credentials gets 401 with {@code WWW-Authenticate: Bearer} and, where JWT callers are configured, the URL of
 * the protected-resource metadata ({@link ProtectedResourceMetadata}) that tells an MCP host where to get a token.
 * Every refusal is a problem; a refused caller (origin or credentials) also gets its {@code denied} audit line, as on
 * the REST facade. Which tools a caller may then use is the operations' business, as for REST.
 */
@ApplicationScoped
class McpGate {

    /**
     * The screen runs before Quarkus's CORS filter (300), which would refuse a page of another site with a bare 403,
     * no problem and no audit line; the authentication check after Quarkus's own (200), whose identity it reads, and
     * before {@link StatelessSessions} reads the body.
     */
    static final int SCREEN_PRIORITY = 310;
    static final int PRIORITY = 13;

    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (context, failure) -> {
    };

    private final AgentConfig config;
    private final McpEndpoint endpoint;
    private final JwtVerification jwt;
    private final JwtKeys keys;
    private final AuditTrail audit;
    private final ObjectMapper json;

    McpGate(AgentConfig config, McpEndpoint endpoint, JwtVerification jwt, JwtKeys keys, AuditTrail audit,
            ObjectMapper json) {
        this.config = config;
        this.endpoint = endpoint;
        this.jwt = jwt;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::screen, SCREEN_PRIORITY);
        filters.register(this::authenticate, PRIORITY);
    }

    private void screen(RoutingContext context) {
        if (!endpoint.covers(context)) {
            context.next();
            return;
        }
        if (!config.enabled()) {
            answer(context, Problem.of(ProblemCode.NOT_FOUND, "The agents' endpoint is turned off on this service "
                    + "(bitget-margin.mcp.enabled=false)."));
            return;
        }
        if (!endpoint.is(context)) {
            // The extension's SSE transport keeps each session on one instance; only Streamable HTTP scales out.
            answer(context, Problem.of(ProblemCode.NOT_FOUND, "This service speaks MCP's Streamable HTTP at "
                    + endpoint.path() + " only."));
            return;
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !config.allowedOrigins().orElse(List.of()).contains(origin)) {
            refuse(context, "origin not allowed", Problem.of(ProblemCode.ORIGIN_NOT_ALLOWED));
            return;
        }
        context.next();
    }

    private void authenticate(RoutingContext context) {
        if (!endpoint.is(context) || context.request().method() == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        // A refused credential is answered here, with its problem and audit line; Quarkus's own handler would fail the
        // request after that answer is out.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        OwnContext.resume(QuarkusHttpUser.getSecurityIdentity(context, null)).subscribe().with(
                identity -> answerFailing(context, () -> {
                    if (identity == null || identity.isAnonymous()) {
                        refuse(context, "no credentials", Problems.noCredentials());
                    } else {
                        context.next();
                    }
                }), failure -> answerFailing(context, () -> refuseCredentials(context, failure)));
    }

    private void refuseCredentials(RoutingContext context, Throwable failure) {
        if (JwtKeys.areUnavailable(failure)) {
            keys.warnUnavailable(failure instanceof Exception e ? e : new IllegalStateException(failure));
            refuse(context, "jwt keys unavailable", Problems.answerTo(failure));
        } else if (failure instanceof AuthenticationFailedException) {
            refuse(context, "credentials refused", Problems.answerTo(failure));
        } else {
            context.fail(failure);
        }
    }

    /** Runs {@code step}, whose failure would otherwise be lost in a subscriber and leave the request unanswered. */
    private static void answerFailing(RoutingContext context, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private void refuse(RoutingContext context, String reason, Problem problem) {
        audit.denied(Channel.mcp(null, RequestIds.of(context), Span.current()).facts(null, null),
                context.request().method().name(), endpoint.path(), problem.status(), reason);
        if (problem.status() == 401) {
            context.response().putHeader("WWW-Authenticate", challenge(context));
        }
        answer(context, problem);
    }

    /** {@code Bearer}, with the metadata's URL where a JWT's issuer can be named (RFC 9728, section 5.1). */
    private String challenge(RoutingContext context) {
        return jwt.configured() ? "Bearer resource_metadata=\"" + metadataUrl(context) + "\"" : "Bearer";
    }

    /** {@code problem} as the HTTP answer, with {@code Retry-After} when it says how long to wait. */
    private void answer(RoutingContext context, Problem problem) {
        Problem answered = problem.forRequest(RequestIds.of(context));
        if (answered.retryAfterSeconds() != null) {
            context.response().putHeader("Retry-After", String.valueOf(answered.retryAfterSeconds()));
        }
        try {
            context.response().setStatusCode(answered.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(answered.withoutRetryAfter()));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** Where the protected-resource metadata is: beside the configured public URL, else the one called. */
    private String metadataUrl(RoutingContext context) {
        return config.resourceUrl().map(McpGate::originOf).orElseGet(() -> origin(context))
                + ProtectedResourceMetadata.PATH;
    }

    /**
     * The scheme and authority the request came to, as Quarkus sees them (behind a proxy it trusts, its forwarded
     * ones); read as they are, not by parsing the request's URI, which a caller's odd query could make unparseable.
     */
    static String origin(RoutingContext context) {
        return context.request().scheme() + "://" + context.request().authority();
    }

    /** The scheme and authority of a configured URL. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
