package io.bitgetmargin.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.UnknownAccountException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The account and scope checks of a facade call, on the caller's {@code SecurityIdentity}. The resources'
 * {@code @RolesAllowed} has already refused anonymous callers and callers without the operation's scope; what
 * depends on the request (the account header, a batch's {@code dryRun}) is checked here, before anything is sent.
 */
@ApplicationScoped
public class AccessControl {

    private final CurrentIdentityAssociation identities;
    private final BitgetAccounts accounts;
    /** The changes a second of a caller without a quota of its own; null: none. */
    private final Integer defaultQuota;

    AccessControl(CurrentIdentityAssociation identities, BitgetAccounts accounts, TokensConfig tokens) {
        this.identities = identities;
        this.accounts = accounts;
        this.defaultQuota = tokens.callers().changesPerSecond().orElse(null);
    }

    /**
     * The caller, once it is known to exist, to have the scope and to be allowed the account (null or blank: the
     * default account); fails with {@link UnknownAccountException} or {@link AccessDeniedException} otherwise.
     */
    public Uni<Caller> authorize(String account, Scope scope) {
        return identities.getDeferredIdentity().map(identity -> {
            Caller caller = Caller.of(identity).withDefaultQuota(defaultQuota);
            String name = BitgetAccounts.nameOf(account);
            requireScope(caller, name, scope);
            if (!accounts.exists(name)) {
                // Names only what this caller may use: the service's other accounts are none of its business.
                throw new UnknownAccountException(account, accounts.names().stream().filter(caller::mayUse).toList());
            }
            if (!caller.mayUse(name)) {
                throw AccessDeniedException.account(caller, name);
            }
            return caller;
        });
    }

    /**
     * The caller, once it is known to exist and to have the scope, for a call about no account in particular; fails
     * with {@link AccessDeniedException} otherwise.
     */
    public Uni<Caller> authorize(Scope scope) {
        return identities.getDeferredIdentity().map(identity -> {
            Caller caller = Caller.of(identity).withDefaultQuota(defaultQuota);
            requireScope(caller, null, scope);
            return caller;
        });
    }

    private static void requireScope(Caller caller, String account, Scope scope) {
        if (!caller.has(scope)) {
            throw AccessDeniedException.scope(caller, account, scope);
        }
    }

    /** The caller of the current request, or null when it is not authenticated. */
    public Uni<Caller> current() {
        return identities.getDeferredIdentity()
                .map(identity -> identity == null || identity.isAnonymous() ? null : Caller.of(identity));
    }
}
