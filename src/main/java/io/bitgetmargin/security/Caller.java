package io.bitgetmargin.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the facade sees it: a name for the audit trail (a static token's label or a JWT's
 * {@code sub}; never the token itself), the Bitget accounts it may use and what it may do with them.
 *
 * @param accounts the account names it may use; {@link #ALL_ACCOUNTS} for every account
 */
public record Caller(String name, Set<String> accounts, Set<Scope> scopes) {

    /** The identity attribute that carries a caller's accounts, set by whichever mechanism authenticated it. */
    public static final String ACCOUNTS_ATTRIBUTE = "bitget-margin.accounts";

    /** The accounts entry that stands for every account (a JWT's {@code "accounts": ["*"]}). */
    public static final String ALL_ACCOUNTS = "*";

    public Caller {
        accounts = Set.copyOf(accounts);
        scopes = Set.copyOf(scopes);
    }

    public boolean mayUse(String account) {
        return accounts.contains(ALL_ACCOUNTS) || accounts.contains(account);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** The caller an authenticated identity stands for; an identity without accounts may use none. */
    public static Caller of(SecurityIdentity identity) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (identity.hasRole(scope.wireName())) {
                scopes.add(scope);
            }
        }
        Object accounts = identity.getAttribute(ACCOUNTS_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Set<String> names = accounts instanceof Set<?> set ? (Set<String>) set : Set.of();
        return new Caller(nameOf(identity.getPrincipal()), names, scopes);
    }

    private static String nameOf(Principal principal) {
        // JsonWebToken.getName() prefers upn and preferred_username; the caller of a JWT is its subject.
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }
}
