package io.bitgetmargin.agent;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.operation.AuditedRequests;
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
 * Every refusal is a problem and a {@code denied} audit line, as on the REST facade. Which tools a caller may then use
 * is the operations' business, as for REST.
 */
@ApplicationScoped
class McpGate {

    static final String PATH = "/mcp";
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
    private final JwtVerification jwt;
    private final JwtKeys keys;
    private final AuditTrail audit;
    private final AuditedRequests requests;
    private final ObjectMapper json;

    McpGate(AgentConfig config, JwtVerification jwt, JwtKeys keys, AuditTrail audit, AuditedRequests requests,
            ObjectMapper json) {
        this.config = config;
        this.jwt = jwt;
        this.keys = keys;
        this.audit = audit;
        this.requests = requests;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::screen, SCREEN_PRIORITY);
        filters.register(this::authenticate, PRIORITY);
    }

    /** {@code /mcp} and what the extension serves below it (its legacy SSE transport). */
    static boolean isMcp(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    private void screen(RoutingContext context) {
        if (!isMcp(context)) {
            context.next();
            return;
        }
        if (!config.enabled()) {
            answer(context, Problem.of(ProblemCode.NOT_FOUND, "The agents' endpoint is turned off on this service "
                    + "(bitget-margin.mcp.enabled=false)."), null);
            return;
        }
        if (!context.normalizedPath().equals(PATH)) {
            // The extension's SSE transport keeps each session on one instance; only Streamable HTTP scales out.
            answer(context, Problem.of(ProblemCode.NOT_FOUND, "This service speaks MCP's Streamable HTTP at " + PATH
                    + " only."), null);
            return;
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !config.allowedOrigins().orElse(List.of()).contains(origin)) {
            refuse(context, 403, "origin not allowed", Problem.of(ProblemCode.ORIGIN_NOT_ALLOWED));
            return;
        }
        context.next();
    }

    private void authenticate(RoutingContext context) {
        if (!context.normalizedPath().equals(PATH) || context.request().method() == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        // A refused credential is answered here, with its problem and audit line; Quarkus's own handler would fail the
        // request after that answer is out.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        OwnContext.resume(QuarkusHttpUser.getSecurityIdentity(context, null)).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                refuse(context, 401, "no credentials", Problems.noCredentials());
            } else {
                context.next();
            }
        }, failure -> {
            if (JwtKeys.areUnavailable(failure)) {
                keys.warnUnavailable(failure instanceof Exception e ? e : new IllegalStateException(failure));
                refuse(context, ProblemCode.JWT_KEYS_UNAVAILABLE.status(), "jwt keys unavailable",
                        Problem.of(ProblemCode.JWT_KEYS_UNAVAILABLE));
            } else if (failure instanceof AuthenticationFailedException) {
                refuse(context, 401, "credentials refused", Problems.credentialsRefused());
            } else {
                context.fail(failure);
            }
        });
    }

    private void refuse(RoutingContext context, int status, String reason, Problem problem) {
        String requestId = RequestIds.of(context);
        audit.denied(requests.of(Channel.mcp(null, requestId, Span.current()), null, null),
                context.request().method().name(), PATH, status, reason);
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", challenge(context));
        }
        answer(context, problem, status == ProblemCode.JWT_KEYS_UNAVAILABLE.status() ? JwtKeys.RETRY_AFTER : null);
    }

    /** {@code Bearer}, with the metadata's URL where a JWT's issuer can be named (RFC 9728, section 5.1). */
    private String challenge(RoutingContext context) {
        return jwt.configured() ? "Bearer resource_metadata=\"" + ProtectedResourceMetadata.urlFor(context) + "\""
                : "Bearer";
    }

    private void answer(RoutingContext context, Problem problem, Duration retryAfter) {
        Problem answered = problem.forRequest(RequestIds.of(context));
        if (retryAfter != null) {
            context.response().putHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }
        try {
            context.response().setStatusCode(answered.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(answered));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** The scheme and authority of the URL the request came to, as Quarkus sees it behind a trusted proxy. */
    static String origin(RoutingContext context) {
        URI uri = URI.create(context.request().absoluteURI());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
