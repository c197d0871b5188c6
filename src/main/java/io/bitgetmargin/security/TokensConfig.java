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
     * Bearer tokens accepted on the facade, comma-separated ({@code BITGET_MARGIN_API_TOKENS}). Compared in constant
     * time; never logged.
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
        /** The bearer token. Never logged. */
        String token();

        /** The accounts it may use. */
        List<String> accounts();

        /**
         * What it may do: {@code margin:read} (read, dry-run batches) and/or {@code margin:write} (change). Both by
         * default, as before scopes existed.
         */
        @WithDefault("margin:read,margin:write")
        List<String> scopes();

        /**
         * The most changes a second this token's caller may make, over all accounts, below Bitget's own limit of
         * each account (5 a second for a margin-mode change); unset: {@code bitget-margin.callers.changes-per-second}.
         * Turns beyond it wait, then are refused with 429.
         */
        Optional<Integer> changesPerSecond();
    }

    /** What applies to every caller. */
    Callers callers();

    interface Callers {
        /**
         * The most changes a second any one caller may make, unless its token
         * ({@code bitget-margin.tokens.<label>.changes-per-second}) or its JWT (claim {@code changes_per_second}) says
         * otherwise; unset: no quota of its own, only the fair share of each account it uses.
         */
        Optional<Integer> changesPerSecond();
    }

    /** Facade authentication. */
    Auth auth();

    interface Auth {
        /**
         * {@code false} switches bearer-token checks off, for a deployment that authenticates callers in front of
         * the service. Must be set on purpose: in production the service refuses to start without tokens otherwise.
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
