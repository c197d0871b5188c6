package io.bitgetmargin.bitget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Bitget accounts the service can act for, built from configuration when the application starts (not at
 * build time: credentials are run-time configuration).
 */
@ApplicationScoped
public class BitgetAccounts {

    private final Optional<BitgetCredentials> defaultAccount;

    BitgetAccounts(BitgetConfig config) {
        this.defaultAccount = config.hasCredentials()
                ? Optional.of(BitgetCredentials.of(config.apiKey().orElseThrow(), config.secretKey().orElseThrow(),
                        config.passphrase().orElseThrow(), config.demoTrading()))
                : Optional.empty();
    }

    /**
     * The credentials to sign with for an account name; {@code null} or blank means the default account.
     */
    public BitgetCredentials resolve(String accountName) {
        if (accountName == null || accountName.isBlank()) {
            return defaultAccount();
        }
        throw new BitgetException.NotConfigured("no Bitget account named " + accountName + " is configured");
    }

    /** The account configured with {@code bitget.api-key}, {@code bitget.secret-key} and {@code bitget.passphrase}. */
    public BitgetCredentials defaultAccount() {
        return defaultAccount.orElseThrow(() -> new BitgetException.NotConfigured(
                "no Bitget credentials are configured: set BITGET_API_KEY, BITGET_SECRET_KEY and BITGET_PASSPHRASE"));
    }
}
