package io.bitgetmargin.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do with the accounts it may use. The wire names are the roles of a caller's
 * {@code SecurityIdentity}, the values of a static token's {@code scopes} and of a JWT's {@code scope} claim.
 */
public enum Scope {
    /** Read margin modes; run a batch as a dry run. */
    READ(Scope.READ_ROLE),
    /** Change margin modes. */
    WRITE(Scope.WRITE_ROLE);

    /** The role of {@link #READ}, for {@code @RolesAllowed}. */
    public static final String READ_ROLE = "margin:read";
    /** The role of {@link #WRITE}, for {@code @RolesAllowed}. */
    public static final String WRITE_ROLE = "margin:write";

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Reads a configured scope: its wire name, or {@code read}/{@code write}, in any case. */
    public static Optional<Scope> parse(String text) {
        String name = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(scope -> scope.wireName.equalsIgnoreCase(name) || scope.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
