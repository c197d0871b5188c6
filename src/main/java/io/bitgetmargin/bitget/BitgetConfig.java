package io.bitgetmargin.bitget;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Bitget accounts the service acts for. The base URL and timeouts live with the REST client
 * ({@code quarkus.rest-client.bitget.*}).
 */
@ConfigMapping(prefix = "bitget")
public interface BitgetConfig {

    /**
     * The default account's Bitget API key (sent as {@code ACCESS-KEY}), the account of requests without
     * {@code X-Bitget-Account}. In production the service refuses to start with no account at all (neither this nor a
     * named one), or with only some of the default account's three credentials.
     */
    Optional<String> apiKey();

    /**
     * The default account's API secret: used literally as UTF-8 bytes for HMAC-SHA256 signatures or, when it is a
     * PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}, as Bitget's RSA keys are), for SHA256withRSA; its
     * line breaks may be real or written as {@code \n}. Never logged, never part of an error.
     */
    Optional<String> secretKey();

    /** The passphrase given when the default account's API key was created. Never logged. */
    Optional<String> passphrase();

    /**
     * {@code true} for a demo-trading key: every signed call of the default account then carries
     * {@code paptrading: 1} (but for the legacy S-prefixed product types, their own demo environment). A key used in
     * the wrong environment is refused by Bitget (40099) and answered 502 {@code WRONG_ENVIRONMENT}.
     */
    @WithDefault("false")
    boolean demoTrading();

    /**
     * What kind of Bitget account the default key belongs to: {@code auto} learns from Bitget's answers whether it is
     * a classic account or a unified trading account; {@code classic} or {@code unified} fixes it.
     */
    @WithDefault("auto")
    AccountTypeSetting accountType();

    /**
     * Further accounts by name, chosen per request with the {@code X-Bitget-Account} header:
     * {@code bitget.accounts.<name>.api-key}, {@code .secret-key}, {@code .passphrase}, {@code .demo-trading},
     * {@code .account-type}.
     */
    Map<String, Account> accounts();

    /** One named account. */
    interface Account {
        /**
         * The API key of the named account {@code <name>}, which a request chooses with the header
         * {@code X-Bitget-Account: <name>}. A named account needs its key, secret and passphrase.
         */
        String apiKey();

        /**
         * The named account's API secret, as {@code bitget.secret-key}: an HMAC secret or a PKCS#8 PEM RSA private key.
         * Never logged.
         */
        String secretKey();

        /** The named account's passphrase. Never logged. */
        String passphrase();

        /** {@code true} when the named account's key is a demo-trading key, as {@code bitget.demo-trading}. */
        @WithDefault("false")
        boolean demoTrading();

        /**
         * What kind of Bitget account the named one is: {@code auto}, {@code classic} or {@code unified}, as
         * {@code bitget.account-type}.
         */
        @WithDefault("auto")
        AccountTypeSetting accountType();
    }

    /** Whether all three credentials of the default account are present and non-blank. */
    default boolean hasCredentials() {
        return isPresent(apiKey()) && isPresent(secretKey()) && isPresent(passphrase());
    }

    /** Whether any credential of the default account is set. */
    default boolean hasAnyDefaultCredential() {
        return isPresent(apiKey()) || isPresent(secretKey()) || isPresent(passphrase());
    }

    private static boolean isPresent(Optional<String> value) {
        return value.filter(text -> !text.isBlank()).isPresent();
    }
}
