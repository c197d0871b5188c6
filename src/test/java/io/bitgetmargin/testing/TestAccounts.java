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
 * after every reset: the default one (HMAC, {@code auto}), {@code alice} (HMAC, configured {@code classic}), {@code bob}
 * (an RSA key of a demo account), {@code throttled} (HMAC, for the one test whose Bitget asks every caller of it to wait
 * 30 s) and four unified trading accounts ({@code uta}, configured unified; {@code uta-auto},
 * learnt; {@code uta-new}, learnt by one test only; {@code uta-demo}, a demo key), with a facade token limited to alice,
 * a read-only token, and the JWTs of {@link TestIdentityProvider}. One configuration for all tests, so
 * that they share one application start.
 */
public final class TestAccounts {

    public static final String API_KEY = "test-api-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String PASSPHRASE = "test-passphrase";
    public static final String TOKEN = "test-token";
    public static final String SECOND_TOKEN = "second-test-token";

    /** The one browser origin allowed to call the agents' endpoint. */
    public static final String AGENT_ORIGIN = "https://desk.example";

    public static final String ALICE = "alice";
    public static final String ALICE_KEY = "alice-key";
    public static final String ALICE_TOKEN = "alice-desk-token";

    /** A static token for the default account whose caller may make one change a second ({@code changes-per-second}). */
    public static final String PACED = "paced-bot";
    public static final String PACED_TOKEN = "paced-bot-token";

    /** A read-only static token ({@code scopes=margin:read}) for the default account and alice. */
    public static final String READER = "reader";
    public static final String READER_TOKEN = "reader-desk-token";

    /**
     * A classic account that only the test of a long {@code Retry-After} uses: Bitget's 429 pauses the account's lane
     * for every caller of the application, for as long as Bitget asked.
     */
    public static final String THROTTLED = "throttled";
    public static final String THROTTLED_KEY = "throttled-key";

    public static final String BOB = "bob";
    public static final String BOB_KEY = "bob-key";

    /** A unified trading account, configured as one ({@code account-type=unified}): it never tries v2. */
    public static final String UTA = "uta";
    public static final String UTA_KEY = "uta-key";
    public static final String UTA_SECRET = "uta-secret";
    public static final String UTA_PASSPHRASE = "uta-passphrase";

    /** A unified trading account left on {@code auto}: the service learns what it is. */
    public static final String UTA_AUTO = "uta-auto";
    public static final String UTA_AUTO_KEY = "uta-auto-key";
    public static final String UTA_AUTO_SECRET = "uta-auto-secret";
    public static final String UTA_AUTO_PASSPHRASE = "uta-auto-passphrase";

    /**
     * A unified trading account left on {@code auto} that only one test uses, so that its type is not known yet when
     * that test starts, in the test application and the packaged one alike.
     */
    public static final String UTA_NEW = "uta-new";
    public static final String UTA_NEW_KEY = "uta-new-key";

    /** A unified demo-trading account, configured unified and demo. */
    public static final String UTA_DEMO = "uta-demo";
    public static final String UTA_DEMO_KEY = "uta-demo-key";

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
        config.put("bitget.accounts.alice.account-type", "classic");
        config.put("bitget.accounts.throttled.api-key", THROTTLED_KEY);
        config.put("bitget.accounts.throttled.secret-key", "throttled-secret");
        config.put("bitget.accounts.throttled.passphrase", "throttled-passphrase");
        config.put("bitget.accounts.bob.api-key", BOB_KEY);
        config.put("bitget.accounts.bob.secret-key", rsaPem());
        config.put("bitget.accounts.bob.passphrase", "bob-passphrase");
        config.put("bitget.accounts.bob.demo-trading", "true");
        config.put("bitget.accounts.uta.api-key", UTA_KEY);
        config.put("bitget.accounts.uta.secret-key", UTA_SECRET);
        config.put("bitget.accounts.uta.passphrase", UTA_PASSPHRASE);
        config.put("bitget.accounts.uta.account-type", "unified");
        config.put("bitget.accounts.uta-auto.api-key", UTA_AUTO_KEY);
        config.put("bitget.accounts.uta-auto.secret-key", UTA_AUTO_SECRET);
        config.put("bitget.accounts.uta-auto.passphrase", UTA_AUTO_PASSPHRASE);
        config.put("bitget.accounts.uta-new.api-key", UTA_NEW_KEY);
        config.put("bitget.accounts.uta-new.secret-key", "uta-new-secret");
        config.put("bitget.accounts.uta-new.passphrase", "uta-new-passphrase");
        config.put("bitget.accounts.uta-demo.api-key", UTA_DEMO_KEY);
        config.put("bitget.accounts.uta-demo.secret-key", "uta-demo-secret");
        config.put("bitget.accounts.uta-demo.passphrase", "uta-demo-passphrase");
        config.put("bitget.accounts.uta-demo.demo-trading", "true");
        config.put("bitget.accounts.uta-demo.account-type", "unified");
        config.put("bitget-margin.mcp.allowed-origins", AGENT_ORIGIN);
        config.put("bitget-margin.tokens.alice-desk.token", ALICE_TOKEN);
        config.put("bitget-margin.tokens.alice-desk.accounts", ALICE);
        config.put("bitget-margin.tokens." + READER + ".token", READER_TOKEN);
        config.put("bitget-margin.tokens." + READER + ".accounts", "default," + ALICE);
        config.put("bitget-margin.tokens." + READER + ".scopes", "margin:read");
        config.put("bitget-margin.tokens." + PACED + ".token", PACED_TOKEN);
        config.put("bitget-margin.tokens." + PACED + ".accounts", "default");
        config.put("bitget-margin.tokens." + PACED + ".changes-per-second", "1");
        config.putAll(TestIdentityProvider.config());
        return config;
    }

    /** The keys the simulator accepts for those accounts. */
    public static List<SimulatedKey> simulatorKeys() {
        return List.of(new SimulatedKey(API_KEY, SECRET_KEY, PASSPHRASE, false),
                new SimulatedKey(ALICE_KEY, "alice-secret", "alice-passphrase", false),
                new SimulatedKey(THROTTLED_KEY, "throttled-secret", "throttled-passphrase", false),
                new SimulatedKey(BOB_KEY, rsaPem(), "bob-passphrase", true),
                unified(UTA_KEY, UTA_SECRET, UTA_PASSPHRASE, false),
                unified(UTA_AUTO_KEY, UTA_AUTO_SECRET, UTA_AUTO_PASSPHRASE, false),
                unified(UTA_NEW_KEY, "uta-new-secret", "uta-new-passphrase", false),
                unified(UTA_DEMO_KEY, "uta-demo-secret", "uta-demo-passphrase", true));
    }

    private static SimulatedKey unified(String apiKey, String secretKey, String passphrase, boolean demo) {
        return new SimulatedKey(apiKey, secretKey, passphrase, demo, "unified", null, null, null);
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
