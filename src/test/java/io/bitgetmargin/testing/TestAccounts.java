package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.simulator.SimulatedKey;

/**
 * The Bitget accounts every test instance of the service has, and the keys the loopback simulator accepts for them
 * after every reset: the default one (HMAC), {@code alice} (HMAC) and {@code bob} (an RSA key of a demo account), with
 * a facade token limited to alice. One configuration for all tests, so that they share one application start.
 */
public final class TestAccounts {

    public static final String API_KEY = "test-api-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String PASSPHRASE = "test-passphrase";
    public static final String TOKEN = "test-token";
    public static final String SECOND_TOKEN = "second-test-token";

    public static final String ALICE = "alice";
    public static final String ALICE_KEY = "alice-key";
    public static final String ALICE_TOKEN = "alice-desk-token";

    public static final String BOB = "bob";
    public static final String BOB_KEY = "bob-key";

    private TestAccounts() {
    }

    /** The service's configuration of the accounts and tokens. */
    public static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("bitget.api-key", API_KEY);
        config.put("bitget.secret-key", SECRET_KEY);
        config.put("bitget.passphrase", PASSPHRASE);
        config.put("bitget-margin.api-tokens", TOKEN + "," + SECOND_TOKEN);
        config.put("bitget.accounts.alice.api-key", ALICE_KEY);
        config.put("bitget.accounts.alice.secret-key", "alice-secret");
        config.put("bitget.accounts.alice.passphrase", "alice-passphrase");
        config.put("bitget.accounts.bob.api-key", BOB_KEY);
        config.put("bitget.accounts.bob.secret-key", rsaPem());
        config.put("bitget.accounts.bob.passphrase", "bob-passphrase");
        config.put("bitget.accounts.bob.demo-trading", "true");
        config.put("bitget-margin.tokens.alice-desk.token", ALICE_TOKEN);
        config.put("bitget-margin.tokens.alice-desk.accounts", ALICE);
        return config;
    }

    /** The keys the simulator accepts for those accounts. */
    public static List<SimulatedKey> simulatorKeys() {
        return List.of(new SimulatedKey(API_KEY, SECRET_KEY, PASSPHRASE, false),
                new SimulatedKey(ALICE_KEY, "alice-secret", "alice-passphrase", false),
                new SimulatedKey(BOB_KEY, rsaPem(), "bob-passphrase", true));
    }

    /** The throwaway RSA key of the signature vectors, in PKCS#8 PEM. */
    public static String rsaPem() {
        try (InputStream in = TestAccounts.class.getResourceAsStream("/bitget/sign-vectors.json")) {
            return new ObjectMapper().readTree(in).get("rsaTestKey").get("privateKeyPkcs8Pem").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
