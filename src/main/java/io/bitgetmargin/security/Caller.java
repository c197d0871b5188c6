package io.bitgetmargin.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.bitgetmargin.bitget.OnBehalfOf;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the facade sees it: a name for the audit trail (a static token's label or a JWT's
 * {@code sub}; never the token itself), the Bitget accounts it may use and what it may do with them.
 *
 * @param accounts the account names it may use; {@link #ALL_ACCOUNTS} for every account
 * @param changesPerSecond the most changes a second it may make, when it has a quota below Bitget's limit; else null
 */
public record Caller(String name, Set<String> accounts, Set<Scope> scopes, Integer changesPerSecond) {

    /** The identity attribute that carries a caller's accounts, set by whichever mechanism authenticated it. */
    public static final String ACCOUNTS_ATTRIBUTE = "bitget-margin.accounts";
    /** The identity attribute that carries a caller's own quota of changes a second, when it has one. */
    public static final String QUOTA_ATTRIBUTE = "bitget-margin.changes-per-second";

    /** The accounts entry that stands for every account (a JWT's {@code "accounts": ["*"]}). */
    public static final String ALL_ACCOUNTS = "*";

    public Caller {
        accounts = Set.copyOf(accounts);
        scopes = Set.copyOf(scopes);
    }

    /** A caller without a quota of its own. */
    public Caller(String name, Set<String> accounts, Set<Scope> scopes) {
        this(name, accounts, scopes, null);
    }

    /** This caller as the Bitget edge knows it: whose turns its calls are, and its quota of changes. */
    public OnBehalfOf onBehalfOf() {
        return new OnBehalfOf(name, changesPerSecond);
    }

    /** The same caller, with {@code quota} changes a second unless it has a quota of its own (null: none). */
    public Caller withDefaultQuota(Integer quota) {
        return changesPerSecond != null || quota == null ? this : new Caller(name, accounts, scopes, quota);
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
        Object quota = identity.getAttribute(QUOTA_ATTRIBUTE);
        return new Caller(nameOf(identity.getPrincipal()), names, scopes, quota instanceof Integer perSecond ? perSecond : null);
    }

    private static String nameOf(Principal principal) {
        // JsonWebToken.getName() prefers upn and preferred_username; the caller of a JWT is its subject.
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }
}
