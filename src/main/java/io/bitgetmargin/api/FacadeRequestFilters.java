package io.bitgetmargin.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks applied to every facade request before it reaches a resource: the bearer token, then the body size.
 * Health and metrics endpoints ({@code /q/*}) are not facade resources and stay open.
 */
public class FacadeRequestFilters {

    private static final String BEARER = "Bearer ";

    private final boolean authEnabled;
    private final List<byte[]> tokenDigests;
    private final int maxRequestBytes;

    FacadeRequestFilters(FacadeConfig config) {
        this.authEnabled = config.auth().enabled();
        this.tokenDigests = config.apiTokens().orElse(List.of()).stream()
                .map(String::trim).filter(token -> !token.isEmpty()).map(FacadeRequestFilters::sha256).toList();
        this.maxRequestBytes = config.maxRequestBytes();
    }

    @ServerRequestFilter(priority = 1000)
    public Response authenticate(ContainerRequestContext request) {
        if (!authEnabled) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Send Authorization: Bearer <token>.");
        }
        if (!isAccepted(authorization.substring(BEARER.length()).trim())) {
            return unauthorized("The bearer token is not one of bitget-margin.api-tokens.");
        }
        return null;
    }

    @ServerRequestFilter(priority = 1100)
    public Response limitBodySize(ContainerRequestContext request) {
        if (request.getLength() > maxRequestBytes) {
            return ProblemMappers.invalidBody("the body has " + request.getLength() + " bytes, more than the "
                    + maxRequestBytes + " accepted", List.of());
        }
        return null;
    }

    /**
     * Compares digests, not the tokens, with {@link MessageDigest#isEqual} (constant time), and looks at every
     * configured token whatever the outcome, so neither the length nor the position of a match leaks through
     * timing.
     */
    private boolean isAccepted(String presented) {
        byte[] presentedDigest = sha256(presented);
        boolean accepted = false;
        for (byte[] digest : tokenDigests) {
            accepted |= MessageDigest.isEqual(digest, presentedDigest);
        }
        return accepted;
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemCode.UNAUTHORIZED, detail)).build();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime");
        }
    }
}
