package io.bitgetmargin.bitget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What each account is: fixed by configuration, or learnt from Bitget's answers and learnt again when contradicted. */
class BitgetAccountTypesTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final BitgetAccountTypes types = new BitgetAccountTypes(BitgetAccountsTest.accounts(Map.of(
            "uta", BitgetAccountsTest.account("uta-key", false, AccountTypeSetting.UNIFIED),
            "desk", BitgetAccountsTest.account("desk-key", false, AccountTypeSetting.CLASSIC))), meters);

    private double gauge(String account) {
        return meters.get("bitget.margin.account.unified").tag("account", account).gauge().value();
    }

    @Test
    void anAutoAccountIsTriedAsClassicUntilBitgetSaysOtherwise() {
        assertEquals(Optional.empty(), types.known(null));
        assertEquals(AccountType.CLASSIC, types.current(null));
        assertEquals(-1, gauge("default"));

        assertTrue(types.learn(null, AccountType.UNIFIED, () -> "40085"));
        assertEquals(AccountType.UNIFIED, types.current("default"));
        assertEquals(1, gauge("default"));
        assertFalse(types.learn("default", AccountType.UNIFIED, () -> "again"), "nothing new");

        assertTrue(types.learn(" default ", AccountType.CLASSIC, () -> "40084"), "contradicted, learnt again");
        assertEquals(0, gauge("default"));

        types.forget(null);
        assertEquals(Optional.empty(), types.known(null));
    }

    @Test
    void aConfiguredTypeIsNeverOverruledByAnAnswer() {
        assertEquals(Optional.of(AccountType.UNIFIED), types.known("uta"));
        assertFalse(types.learn("uta", AccountType.CLASSIC, () -> "40084"));
        assertEquals(AccountType.UNIFIED, types.current("uta"));
        assertEquals(AccountType.CLASSIC, types.current("desk"));
        assertFalse(types.isLearnt("desk"));
        assertEquals(1, gauge("uta"));
    }

    @Test
    void readinessDataSaysWhatIsKnownAndWhy() {
        types.learn(null, AccountType.CLASSIC, () -> "v2 answered");
        assertEquals("classic (configured): 1, classic (learnt): 1, unified (configured): 1", types.describe());
    }

    @Test
    void anUnknownAccountIsRefusedAsSuch() {
        assertThrows(UnknownAccountException.class, () -> types.current("carol"));
    }
}
