package io.bitgetmargin.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a presented static token into the identity of its caller: its label, accounts and scopes. */
@ApplicationScoped
public class StaticTokenIdentityProvider implements IdentityProvider<StaticTokenRequest> {

    private final StaticTokens tokens;

    StaticTokenIdentityProvider(StaticTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<StaticTokenRequest> getRequestType() {
        return StaticTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StaticTokenRequest request, AuthenticationRequestContext context) {
        return tokens.match(request.token())
                .map(caller -> Uni.createFrom().item(identityOf(caller)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("not a static facade token")));
    }

    static SecurityIdentity identityOf(Caller caller) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name()))
                .addAttribute(Caller.ACCOUNTS_ATTRIBUTE, caller.accounts());
        caller.scopes().forEach(scope -> identity.addRole(scope.wireName()));
        if (caller.changesPerSecond() != null) {
            identity.addAttribute(Caller.QUOTA_ATTRIBUTE, caller.changesPerSecond());
        }
        return identity.build();
    }
}
