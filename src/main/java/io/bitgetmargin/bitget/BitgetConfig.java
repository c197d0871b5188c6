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

    /** The default account's API key ({@code ACCESS-KEY}); environment {@code BITGET_API_KEY}. */
    Optional<String> apiKey();

    /**
     * The default account's API secret ({@code BITGET_SECRET_KEY}): used literally as UTF-8 bytes for HMAC-SHA256,
     * or, when it is a PKCS#8 PEM private key, for SHA256withRSA. Never logged, never part of an error.
     */
    Optional<String> secretKey();

    /** The default account's passphrase ({@code BITGET_PASSPHRASE}). Never logged. */
    Optional<String> passphrase();

    /**
     * {@code true} for a demo-trading key: every signed call of the default account then carries
     * {@code paptrading: 1}. A key used in the wrong environment is refused by Bitget with 40099.
     */
    @WithDefault("false")
    boolean demoTrading();

    /**
     * What kind of Bitget account the default key belongs to: {@code auto} (learnt from Bitget's answers),
     * {@code classic} or {@code unified} (a unified trading account).
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
        /** Its API key. */
        String apiKey();

        /** Its secret: an HMAC secret or a PKCS#8 PEM RSA private key. Never logged. */
        String secretKey();

        /** Its passphrase. Never logged. */
        String passphrase();

        /** Whether it is a demo-trading key. */
        @WithDefault("false")
        boolean demoTrading();

        /** {@code auto}, {@code classic} or {@code unified}, as {@link BitgetConfig#accountType()}. */
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
