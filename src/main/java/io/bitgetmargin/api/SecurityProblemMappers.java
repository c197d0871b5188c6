package io.bitgetmargin.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.security.AccessControl;
import io.bitgetmargin.security.AccessDeniedException;
import io.bitgetmargin.security.Caller;
import io.bitgetmargin.security.JwtKeys;
import io.bitgetmargin.security.Scope;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * Quarkus Security's refusals as the facade's problems, each with its audit line: 401 {@code UNAUTHORIZED} for no or
 * wrong credentials, 403 {@code SCOPE_MISSING} and {@code ACCOUNT_FORBIDDEN} for a caller that lacks a scope or an
 * account. Authentication is lazy ({@code quarkus.http.auth.proactive=false}), so these refusals reach the REST layer
 * and its mappers rather than leaving with Vert.x's bare 401.
 */
public class SecurityProblemMappers {

    private final AuditTrail audit;
    private final AccessControl access;
    private final CurrentRequest current;
    private final JwtKeys keys;

    SecurityProblemMappers(AuditTrail audit, AccessControl access, CurrentRequest current, JwtKeys keys) {
        this.audit = audit;
        this.access = access;
        this.current = current;
        this.keys = keys;
    }

    @ServerExceptionMapper
    public Response noCaller(UnauthorizedException e, ContainerRequestContext request) {
        return unauthorized(request, "no credentials", Problems.noCredentials());
    }

    @ServerExceptionMapper
    public Response wrongCredentials(AuthenticationFailedException e, ContainerRequestContext request) {
        if (JwtKeys.areUnavailable(e)) {
            return keysUnavailable(request, e);
        }
        return unauthorized(request, "credentials refused", Problems.credentialsRefused());
    }

    @ServerExceptionMapper
    public Uni<Response> missingRole(ForbiddenException e, ContainerRequestContext request) {
        Scope scope = scopeOf(request);
        return access.current().map(caller -> denied(AccessDeniedException.scope(caller, accountOf(request), scope),
                request));
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, ContainerRequestContext request) {
        return denied(e, request);
    }

    private Response denied(AccessDeniedException e, ContainerRequestContext request) {
        RequestFacts facts = audited(request, e.caller(), e.account(), 403, e.reason());
        return ProblemMappers.respond(Problems.describe(e).forRequest(facts.requestId()), null);
    }

    private Response unauthorized(ContainerRequestContext request, String reason, Problem problem) {
        RequestFacts facts = audited(request, null, accountOf(request), 401, reason);
        return Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem.forRequest(facts.requestId())).build();
    }

    /**
     * The key set could not be loaded: whether the token is good is not known, and the caller is told so, with when to
     * try again, rather than that its token was refused. At most one warning a minute, not one per call.
     */
    private Response keysUnavailable(ContainerRequestContext request, AuthenticationFailedException e) {
        keys.warnUnavailable(e);
        ProblemCode code = ProblemCode.JWT_KEYS_UNAVAILABLE;
        RequestFacts facts = audited(request, null, accountOf(request), code.status(), "jwt keys unavailable");
        return ProblemMappers.respond(Problem.of(code).forRequest(facts.requestId()), JwtKeys.RETRY_AFTER);
    }

    /** Writes the {@code denied} audit line of a refused request, and answers the request's facts. */
    private RequestFacts audited(ContainerRequestContext request, Caller caller, String account, int status,
            String reason) {
        RequestFacts facts = Channel.rest(current).facts(caller, account);
        audit.denied(facts, request.getMethod(), request.getUriInfo().getPath(), status, reason);
        return facts;
    }

    private static String accountOf(ContainerRequestContext request) {
        return BitgetAccounts.nameOf(request.getHeaderString(MarginModeResource.ACCOUNT_HEADER));
    }

    /**
     * The least scope the refused operation takes, by its method, as the resources' {@code @RolesAllowed} declare
     * it: a change (PUT) takes margin:write; a read, and a batch (which a dry run allows with margin:read), take
     * margin:read.
     */
    private static Scope scopeOf(ContainerRequestContext request) {
        return "PUT".equals(request.getMethod()) ? Scope.WRITE : Scope.READ;
    }
}
