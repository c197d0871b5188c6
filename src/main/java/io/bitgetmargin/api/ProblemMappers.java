package io.bitgetmargin.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.operation.RequestSpans;
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
 * Where failures become HTTP answers: every failure leaves the facade as {@code application/problem+json}, never as a
 * stack trace, with the problem {@link Problems} gives it and, for one that may pass, {@code Retry-After}. One mapper
 * takes every failure; the others are those Quarkus needs to be told of, as it has mappers of its own for their
 * types (Jackson's mismatched input, Quarkus Security's refusals), and those that add to the answer: the
 * {@code Allow} of a 405, the {@code denied} audit line and the {@code WWW-Authenticate} of a refused caller.
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}), so Quarkus Security's refusals reach these
 * mappers rather than leaving with Vert.x's bare 401.
 */
public class ProblemMappers {

    private final CurrentRequest current;
    private final AuditTrail audit;
    private final AccessControl access;
    private final JwtKeys keys;

    ProblemMappers(CurrentRequest current, AuditTrail audit, AccessControl access, JwtKeys keys) {
        this.current = current;
        this.audit = audit;
        this.access = access;
        this.keys = keys;
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response failed(Throwable e) {
        return answer(Problems.answerTo(e)).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e) {
        return failed(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return answer(Problems.answerTo(e)).header("Allow", e.getResponse().getHeaderString("Allow")).build();
    }

    /** An HTTP/2 body without a length that went past the limit as it was read (a refusal, not a failure). */
    @ServerExceptionMapper
    public Response bodyTooLarge(StreamedBodyLimit.TooLarge e) {
        return answer(Problems.bodyTooLarge(e.maxRequestBytes())).build();
    }

    @ServerExceptionMapper
    public Response noCaller(UnauthorizedException e, ContainerRequestContext request) {
        return refused(e, request, null, accountOf(request), "no credentials");
    }

    /**
     * A token that is refused, or, when the key set could not be loaded, one that cannot be checked: the caller is
     * told so, with when to try again. At most one warning a minute, not one per call.
     */
    @ServerExceptionMapper
    public Response wrongCredentials(AuthenticationFailedException e, ContainerRequestContext request) {
        if (JwtKeys.areUnavailable(e)) {
            keys.warnUnavailable(e);
            return refused(e, request, null, accountOf(request), "jwt keys unavailable");
        }
        return refused(e, request, null, accountOf(request), "credentials refused");
    }

    @ServerExceptionMapper
    public Uni<Response> missingRole(ForbiddenException e, ContainerRequestContext request) {
        return access.current().map(caller -> accessDenied(
                AccessDeniedException.scope(caller, accountOf(request), scopeOf(request)), request));
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, ContainerRequestContext request) {
        return refused(e, request, e.caller(), e.account(), e.reason());
    }

    /** A caller refused: the request's {@code denied} audit line, and its problem. */
    private Response refused(RuntimeException e, ContainerRequestContext request, Caller caller, String account,
            String reason) {
        Problem problem = Problems.answerTo(e);
        audit.denied(Channel.rest(current).facts(caller, account), request.getMethod(), request.getUriInfo().getPath(),
                problem.status(), reason);
        Response.ResponseBuilder answer = answer(problem);
        if (problem.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.build();
    }

    /**
     * {@code problem} as the answer of the request being served (its id is taken from the request itself), with
     * {@code Retry-After} when the problem says how long to wait.
     */
    private Response.ResponseBuilder answer(Problem problem) {
        Problem answered = problem.forRequest(current.id());
        RequestSpans.refused(answered);
        Response.ResponseBuilder answer = Response.status(answered.status()).type(Problem.MEDIA_TYPE)
                .entity(answered.withoutRetryAfter());
        if (answered.retryAfterSeconds() != null) {
            answer.header("Retry-After", answered.retryAfterSeconds());
        }
        return answer;
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
