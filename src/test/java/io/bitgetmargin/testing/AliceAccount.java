package io.bitgetmargin.testing;

import java.util.Map;

/** A second, named Bitget account ("alice") with an HMAC key, for tests that need two accounts. */
public final class AliceAccount {

    public static final String NAME = "alice";
    public static final String API_KEY = "alice-key";
    public static final String SECRET_KEY = "alice-secret";
    public static final String PASSPHRASE = "alice-passphrase";

    private AliceAccount() {
    }

    /** The service's configuration of the account. */
    public static Map<String, String> config() {
        return Map.of(
                "bitget.accounts.alice.api-key", API_KEY,
                "bitget.accounts.alice.secret-key", SECRET_KEY,
                "bitget.accounts.alice.passphrase", PASSPHRASE);
    }

    /** Makes the simulator accept the account's signatures (after a {@link Simulator#reset()}). */
    public static void registerWithSimulator() {
        Simulator.key(API_KEY, SECRET_KEY, PASSPHRASE, false);
    }
}
