package io.bitgetmargin.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.bitgetmargin.bitget.BitgetAccounts;

/**
 * Checks applied to every facade request before it reaches a resource: the bearer token, then the account it names.
 * (The body's size is held before, by {@link FacadeBodyLimit}.) Health, metrics and OpenAPI endpoints
 * ({@code /q/*}) are not facade resources and stay open.
 */
public class FacadeRequestFilters {

    /** The header that names the Bitget account of a request; absent for the default account. */
    public static final String ACCOUNT_HEADER = "X-Bitget-Account";

    private static final String BEARER = "Bearer ";
    private static final String ALLOWED_ACCOUNTS = FacadeRequestFilters.class.getName() + ".allowedAccounts";

    /** A configured token: its digest and the accounts it may use (null: all). */
    private record AcceptedToken(byte[] digest, Set<String> accounts) {
    }

    private final boolean authEnabled;
    private final List<AcceptedToken> tokens;
    private final BitgetAccounts accounts;

    FacadeRequestFilters(FacadeConfig config, BitgetAccounts accounts) {
        this.authEnabled = config.auth().enabled();
        this.accounts = accounts;
        List<AcceptedToken> accepted = new ArrayList<>();
        config.apiTokens().orElse(List.of()).stream().map(String::trim).filter(token -> !token.isEmpty())
                .forEach(token -> accepted.add(new AcceptedToken(sha256(token), null)));
        config.tokens().values().forEach(restricted -> accepted.add(new AcceptedToken(sha256(restricted.token().trim()),
                Set.copyOf(restricted.accounts().stream().map(BitgetAccounts::nameOf).toList()))));
        this.tokens = List.copyOf(accepted);
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
        AcceptedToken token = match(authorization.substring(BEARER.length()).trim());
        if (token == null) {
            return unauthorized("The bearer token is not one of the configured facade tokens.");
        }
        if (token.accounts() != null) {
            request.setProperty(ALLOWED_ACCOUNTS, token.accounts());
        }
        return null;
    }

    @ServerRequestFilter(priority = 1050)
    public Response checkAccount(ContainerRequestContext request) {
        String account = BitgetAccounts.nameOf(request.getHeaderString(ACCOUNT_HEADER));
        if (!accounts.exists(account)) {
            return ProblemMappers.answer(Problem.of(ProblemCode.UNKNOWN_ACCOUNT, "No Bitget account named '" + account
                    + "' is configured; name one of " + accounts.names() + " in " + ACCOUNT_HEADER
                    + ". Nothing was sent to Bitget."));
        }
        @SuppressWarnings("unchecked")
        Set<String> allowed = (Set<String>) request.getProperty(ALLOWED_ACCOUNTS);
        if (allowed != null && !allowed.contains(account)) {
            return ProblemMappers.answer(Problem.of(ProblemCode.ACCOUNT_FORBIDDEN, "This token may not use the Bitget "
                    + "account '" + account + "'. Nothing was sent to Bitget."));
        }
        return null;
    }

    /**
     * Compares digests, not the tokens, with {@link MessageDigest#isEqual} (constant time), and looks at every
     * configured token whatever the outcome, so neither the length nor the position of a match leaks through
     * timing.
     */
    private AcceptedToken match(String presented) {
        byte[] presentedDigest = sha256(presented);
        AcceptedToken match = null;
        for (AcceptedToken token : tokens) {
            if (MessageDigest.isEqual(token.digest(), presentedDigest) && match == null) {
                match = token;
            }
        }
        return match;
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
