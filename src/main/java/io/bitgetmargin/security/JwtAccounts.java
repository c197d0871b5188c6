package io.bitgetmargin.security;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.bitgetmargin.bitget.BitgetAccounts;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a JWT caller the accounts of its {@code accounts} claim (an array of account names, or {@code ["*"]} for
 * all). A JWT without the claim, or with anything but an array of strings in it, may use no account: a token from
 * the identity provider never means "everything" by omission. Its scopes come from the {@code scope} claim through
 * SmallRye JWT ({@code smallrye.jwt.path.groups=scope}).
 */
@ApplicationScoped
public class JwtAccounts implements SecurityIdentityAugmentor {

    /** The claim that names the accounts a JWT caller may use. */
    public static final String CLAIM = "accounts";
    /** The claim that caps the changes a second of a JWT caller (a positive whole number). */
    public static final String QUOTA_CLAIM = "changes_per_second";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder augmented = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ACCOUNTS_ATTRIBUTE, accountsOf(jwt.getClaim(CLAIM)));
        Integer quota = quotaOf(jwt.getClaim(QUOTA_CLAIM));
        if (quota != null) {
            augmented.addAttribute(Caller.QUOTA_ATTRIBUTE, quota);
        }
        return Uni.createFrom().item(augmented.build());
    }

    /** A positive whole number of changes a second; anything else is no quota of the token's own. */
    static Integer quotaOf(Object claim) {
        if (claim instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 1
                && number.longValue() <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return null;
    }

    static Set<String> accountsOf(Object claim) {
        if (!(claim instanceof JsonArray array)) {
            return Set.of();
        }
        Set<String> accounts = new LinkedHashSet<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString name) || name.getString().isBlank()) {
                return Set.of();
            }
            accounts.add(Caller.ALL_ACCOUNTS.equals(name.getString()) ? Caller.ALL_ACCOUNTS
                    : BitgetAccounts.nameOf(name.getString()));
        }
        return Set.copyOf(accounts);
    }
}
