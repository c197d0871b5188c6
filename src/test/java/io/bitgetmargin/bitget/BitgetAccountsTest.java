package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Accounts from configuration: the default one and named ones, with their demo flags and rate-limit ids. */
class BitgetAccountsTest {

    private static BitgetConfig config(boolean defaultDemo, Map<String, BitgetConfig.Account> named) {
        return new BitgetConfig() {
            @Override
            public Optional<String> apiKey() {
                return Optional.of(" default-key ");
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.of("default-secret");
            }

            @Override
            public Optional<String> passphrase() {
                return Optional.of("default-passphrase");
            }

            @Override
            public boolean demoTrading() {
                return defaultDemo;
            }

            @Override
            public AccountTypeSetting accountType() {
                return AccountTypeSetting.AUTO;
            }

            @Override
            public Map<String, Account> accounts() {
                return named;
            }
        };
    }

    private static BitgetConfig.Account account(String apiKey, boolean demo) {
        return account(apiKey, demo, AccountTypeSetting.AUTO);
    }

    static BitgetConfig.Account account(String apiKey, boolean demo, AccountTypeSetting accountType) {
        return new BitgetConfig.Account() {
            @Override
            public String apiKey() {
                return apiKey;
            }

            @Override
            public String secretKey() {
                return "secret";
            }

            @Override
            public String passphrase() {
                return "passphrase";
            }

            @Override
            public boolean demoTrading() {
                return demo;
            }

            @Override
            public AccountTypeSetting accountType() {
                return accountType;
            }
        };
    }

    /** For the other unit tests of this package: a default account and named ones. */
    static BitgetAccounts accounts(Map<String, BitgetConfig.Account> named) {
        return new BitgetAccounts(config(false, named));
    }

    @Test
    void readsTheDefaultAccountsDemoFlag() {
        assertTrue(new BitgetAccounts(config(true, Map.of())).resolve(null).demoTrading());
        assertFalse(new BitgetAccounts(config(false, Map.of())).resolve(null).demoTrading());
    }

    @Test
    void namesEveryAccountAndRefusesOthers() {
        BitgetAccounts accounts = new BitgetAccounts(config(false, Map.of("desk", account("desk-key", true))));
        assertEquals(Set.of("default", "desk"), accounts.names());
        assertTrue(accounts.resolve("desk").demoTrading());
        assertEquals("default-key", accounts.resolve(" ").apiKey(), "blank means the default account, key trimmed");
        assertThrows(UnknownAccountException.class, () -> accounts.resolve("carol"));
    }

    @Test
    void givesAccountsOfOneKeyOneRateLimitIdThatHoldsNoKey() {
        BitgetAccounts accounts = new BitgetAccounts(config(false, Map.of("same", account("default-key", false),
                "other", account("other-key", false))));
        String id = accounts.resolve(null).rateLimitId();
        assertEquals(id, accounts.resolve("same").rateLimitId(), "one key, one budget, whatever the account name");
        assertNotEquals(id, accounts.resolve("other").rateLimitId());
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertFalse(id.contains("default-key"));
    }
}
