package io.bitgetmargin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetAccounts;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The facade's static bearer tokens, kept as SHA-256 digests only, each with the caller it stands for:
 * {@code bitget-margin.api-tokens} entries are {@code api-token-1}, {@code api-token-2}, … (in the order
 * configured) with every account and both scopes; {@code bitget-margin.tokens.<label>} entries are their label.
 */
@ApplicationScoped
@Startup // a mistake in the tokens' configuration stops the start, not the first call
public class StaticTokens {

    /** A configured token: its digest and the caller it authenticates. */
    record StaticToken(byte[] digest, Caller caller) {
    }

    private final List<StaticToken> tokens;

    public StaticTokens(TokensConfig config) {
        List<StaticToken> accepted = new ArrayList<>();
        List<String> unrestricted = config.apiTokens().orElse(List.of()).stream().map(String::strip)
                .filter(token -> !token.isEmpty()).toList();
        for (int i = 0; i < unrestricted.size(); i++) {
            accepted.add(new StaticToken(sha256(unrestricted.get(i)),
                    new Caller("api-token-" + (i + 1), Set.of(Caller.ALL_ACCOUNTS), EnumSet.allOf(Scope.class))));
        }
        config.tokens().forEach((label, restricted) -> accepted.add(new StaticToken(sha256(restricted.token().strip()),
                new Caller(label, Set.copyOf(restricted.accounts().stream().map(BitgetAccounts::nameOf).toList()),
                        scopes(label, restricted.scopes()), quota("bitget-margin.tokens." + label + ".changes-per-second",
                                restricted.changesPerSecond())))));
        quota("bitget-margin.callers.changes-per-second", config.callers().changesPerSecond());
        this.tokens = List.copyOf(accepted);
    }

    /**
     * The caller of a presented token. Compares digests, not the tokens, with {@link MessageDigest#isEqual}
     * (constant time), and looks at every configured token whatever the outcome, so neither the length nor the
     * position of a match leaks through timing.
     */
    public Optional<Caller> match(String presented) {
        byte[] presentedDigest = sha256(presented);
        Caller match = null;
        for (StaticToken token : tokens) {
            if (MessageDigest.isEqual(token.digest(), presentedDigest) && match == null) {
                match = token.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /** A configured quota of changes a second: at least one, or none at all. */
    private static Integer quota(String property, Optional<Integer> configured) {
        if (configured.isPresent() && configured.get() < 1) {
            throw new ConfigurationException(property + " must be at least 1 (changes a second), not " + configured.get()
                    + "; leave it out for no quota of the caller's own");
        }
        return configured.orElse(null);
    }

    private static Set<Scope> scopes(String label, List<String> configured) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : configured) {
            scopes.add(Scope.parse(name).orElseThrow(() -> new ConfigurationException("bitget-margin.tokens." + label
                    + ".scopes: '" + name.strip() + "' is not a scope; use margin:read and/or margin:write")));
        }
        return Set.copyOf(scopes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime");
        }
    }
}
