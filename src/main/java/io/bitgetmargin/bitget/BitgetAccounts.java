package io.bitgetmargin.bitget;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Bitget accounts the service can act for: the default one ({@code bitget.api-key} and friends) and the named
 * ones ({@code bitget.accounts.<name>.*}). Built when the application starts, not at build time: credentials are
 * run-time configuration.
 */
@ApplicationScoped
public class BitgetAccounts {

    /** The name of the default account, also accepted in {@code X-Bitget-Account}. */
    public static final String DEFAULT = "default";

    private final Map<String, BitgetCredentials> accounts;

    BitgetAccounts(BitgetConfig config) {
        Map<String, BitgetCredentials> all = new TreeMap<>();
        if (config.hasCredentials()) {
            all.put(DEFAULT, BitgetCredentials.of(DEFAULT, config.apiKey().orElseThrow(), config.secretKey().orElseThrow(),
                    config.passphrase().orElseThrow(), config.demoTrading(), config.accountType()));
        }
        config.accounts().forEach((name, account) -> all.put(name, BitgetCredentials.of(name, account.apiKey(),
                account.secretKey(), account.passphrase(), account.demoTrading(), account.accountType())));
        this.accounts = Collections.unmodifiableMap(all);
    }

    /** The canonical name of an account; {@code null} or blank means the default account. */
    public static String nameOf(String account) {
        return account == null || account.isBlank() ? DEFAULT : account.trim();
    }

    /** Whether an account of that name (null: the default) is configured. */
    public boolean exists(String account) {
        return accounts.containsKey(nameOf(account));
    }

    /**
     * The credentials to sign with for an account name; {@code null} or blank means the default account.
     *
     * @throws UnknownAccountException when no such account is configured
     */
    public BitgetCredentials resolve(String account) {
        return Optional.ofNullable(accounts.get(nameOf(account)))
                .orElseThrow(() -> new UnknownAccountException(account, accounts.keySet()));
    }

    /** The names of all configured accounts. */
    public Set<String> names() {
        return accounts.keySet();
    }
}
