package io.bitgetmargin.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;

import io.bitgetmargin.bitget.BitgetConfig;
import io.bitgetmargin.security.JwtVerification;
import io.bitgetmargin.security.TokensConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start a production service that could only fail: no Bitget credentials, or a facade that no caller
 * could use (neither tokens nor a JWT verification key). Dev and test profiles have their own defaults and are not
 * checked.
 */
public class ProductionConfigurationCheck {

    void onStart(@Observes StartupEvent event, BitgetConfig bitget, TokensConfig tokens, JwtVerification jwt) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(bitget, tokens, jwt.configured());
        if (!missing.isEmpty()) {
            throw new ConfigurationException("bitget-margin refuses to start: set " + String.join(", ", missing)
                    + (tokens.auth().enabled() ? " (or MP_JWT_VERIFY_PUBLICKEY_LOCATION for JWT callers, or "
                            + "BITGET_MARGIN_AUTH_ENABLED=false to run without facade authentication on purpose)" : ""));
        }
    }

    static List<String> missing(BitgetConfig bitget, TokensConfig tokens, boolean jwtConfigured) {
        List<String> missing = new ArrayList<>();
        // A default account is optional when named accounts exist, but a half-configured one is a mistake.
        if (bitget.hasAnyDefaultCredential() || bitget.accounts().isEmpty()) {
            if (bitget.apiKey().filter(v -> !v.isBlank()).isEmpty()) {
                missing.add("BITGET_API_KEY");
            }
            if (bitget.secretKey().filter(v -> !v.isBlank()).isEmpty()) {
                missing.add("BITGET_SECRET_KEY");
            }
            if (bitget.passphrase().filter(v -> !v.isBlank()).isEmpty()) {
                missing.add("BITGET_PASSPHRASE");
            }
        }
        if (!tokens.admitsCallers(jwtConfigured)) {
            missing.add("BITGET_MARGIN_API_TOKENS");
        }
        return missing;
    }
}
