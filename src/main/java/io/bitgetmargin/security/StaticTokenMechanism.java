package io.bitgetmargin.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the static facade tokens. It runs before the JWT
 * mechanism: a bearer that is not a static token is left to it when JWTs are configured ({@link JwtVerification}),
 * and refused otherwise. With {@code bitget-margin.auth.enabled=false} every request is the caller
 * {@value #UNAUTHENTICATED}, with every account and scope, for deployments that authenticate in front of the service.
 */
@ApplicationScoped
public class StaticTokenMechanism implements HttpAuthenticationMechanism {

    /** The caller of every request when facade authentication is off. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    private static final String BEARER = "Bearer ";

    private final boolean enabled;
    private final boolean jwtConfigured;
    private final SecurityIdentity unauthenticated = StaticTokenIdentityProvider.identityOf(
            new Caller(UNAUTHENTICATED, Set.of(Caller.ALL_ACCOUNTS), EnumSet.allOf(Scope.class)));

    StaticTokenMechanism(TokensConfig config, JwtVerification jwt) {
        this.enabled = config.auth().enabled();
        this.jwtConfigured = jwt.configured();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!enabled) {
            return Uni.createFrom().item(unauthenticated);
        }
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem(); // anonymous: refused by the resources' @RolesAllowed, with a 401
        }
        Uni<SecurityIdentity> identity = identityProviderManager
                .authenticate(new StaticTokenRequest(authorization.substring(BEARER.length()).strip()));
        return jwtConfigured ? identity.onFailure(AuthenticationFailedException.class).recoverWithNull() : identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StaticTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /** Before the JWT mechanism (default priority), so a static token never reaches the JWT parser. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
