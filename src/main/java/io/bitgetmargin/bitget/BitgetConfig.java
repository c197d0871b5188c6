package io.bitgetmargin.bitget;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Credentials and mode of the Bitget account the service acts for. The base URL and timeouts live with the
 * REST client ({@code quarkus.rest-client.bitget.*}).
 */
@ConfigMapping(prefix = "bitget")
public interface BitgetConfig {

    /** The API key ({@code ACCESS-KEY}); environment {@code BITGET_API_KEY}. */
    Optional<String> apiKey();

    /**
     * The API secret ({@code BITGET_SECRET_KEY}), used literally as UTF-8 bytes for HMAC-SHA256. Never logged,
     * never part of an error.
     */
    Optional<String> secretKey();

    /** The passphrase chosen when the key was created ({@code BITGET_PASSPHRASE}). Never logged. */
    Optional<String> passphrase();

    /**
     * {@code true} for a demo-trading key: every signed call then carries {@code paptrading: 1}. A key used in
     * the wrong environment is refused by Bitget with 40099.
     */
    @WithDefault("false")
    boolean demoTrading();

    /** Whether all three credentials are present and non-blank. */
    default boolean hasCredentials() {
        return isPresent(apiKey()) && isPresent(secretKey()) && isPresent(passphrase());
    }

    private static boolean isPresent(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
