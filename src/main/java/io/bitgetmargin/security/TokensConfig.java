package io.bitgetmargin.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may call the facade: its bearer tokens and whether authentication is on. Under the service's own prefix, beside
 * the facade's other settings ({@code api.FacadeConfig}), but read by security alone.
 */
@ConfigMapping(prefix = "bitget-margin")
public interface TokensConfig {

    /**
     * Bearer tokens accepted on the facade, comma-separated; each may use every account, with both scopes, and is the
     * caller {@code api-token-1}, {@code api-token-2}, ... in the order configured. Compared in constant time; never
     * logged. In production the service refuses to start when no caller could get in: no token here or under
     * {@code bitget-margin.tokens}, no JWT key, and authentication not switched off.
     */
    Optional<List<String>> apiTokens();

    /**
     * Tokens limited to some Bitget accounts, by a label of your choice:
     * {@code bitget-margin.tokens.<label>.token}, {@code bitget-margin.tokens.<label>.accounts} (comma-separated
     * account names, {@code default} for the default account) and {@code bitget-margin.tokens.<label>.scopes}.
     * Tokens of {@link #apiTokens()} may use every account, with both scopes. The label names the caller in the audit
     * trail.
     */
    Map<String, RestrictedToken> tokens();

    /** A token limited to named accounts. */
    interface RestrictedToken {
        /** The bearer token of the caller {@code <label>}, the name the audit trail gives it. Never logged. */
        String token();

        /**
         * The Bitget accounts the token {@code <label>} may use, comma-separated: names under {@code bitget.accounts},
         * and {@code default} for the default account.
         */
        List<String> accounts();

        /**
         * What the token {@code <label>} may do: {@code margin:read} (reads, and batches with {@code "dryRun":true})
         * and/or {@code margin:write} (changes); {@code margin:read} alone makes it read-only.
         */
        @WithDefault("margin:read,margin:write")
        List<String> scopes();

        /**
         * The quota of the token {@code <label>}'s caller: the most changes a second it may make over all accounts (at
         * least 1), below Bitget's own limit of each account (5 a second for a margin-mode change). Turns beyond it
         * wait, then are refused with 429. Unset: {@code bitget-margin.callers.changes-per-second}.
         */
        Optional<Integer> changesPerSecond();
    }

    /** What applies to every caller. */
    Callers callers();

    interface Callers {
        /**
         * The quota of every caller without one of its own (from
         * {@code bitget-margin.tokens.<label>.changes-per-second} or its JWT's {@code changes_per_second} claim): the
         * most changes a second it may make, at least 1. Unset: no quota, only the fair share of each account it uses.
         */
        Optional<Integer> changesPerSecond();
    }

    /** Facade authentication. */
    Auth auth();

    interface Auth {
        /**
         * {@code false} switches the facade's authentication off, for a deployment that authenticates callers in front
         * of the service: every request is then the caller {@code unauthenticated}, with every account and scope. To be
         * set on purpose: without it, a production service with no token and no JWT key refuses to start.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Whether any facade token, unrestricted or restricted, is configured. */
    default boolean hasTokens() {
        return apiTokens().orElse(List.of()).stream().anyMatch(token -> !token.isBlank()) || !tokens().isEmpty();
    }

    /**
     * Whether any caller can get in: authentication is off on purpose, or there are facade tokens, or JWTs are
     * configured ({@code jwtConfigured}, from {@link JwtVerification}).
     */
    default boolean admitsCallers(boolean jwtConfigured) {
        return !auth().enabled() || hasTokens() || jwtConfigured;
    }
}
