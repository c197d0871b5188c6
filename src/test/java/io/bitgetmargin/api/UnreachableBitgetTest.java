package io.bitgetmargin.api;

import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With nothing listening where Bitget should be, the facade answers 503, not a 500 with a stack trace. */
@QuarkusTest
@TestProfile(UnreachableBitgetTest.NothingListening.class)
class UnreachableBitgetTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.bitget.url", "http://127.0.0.1:" + FreePorts.loopback());
        }
    }

    @Test
    void answersUnavailableWhenBitgetCannotBeReached() {
        Facade.problem(Facade.put(Facade.change("BTCUSDT", "isolated")), 503, "BITGET_UNAVAILABLE")
                .header("Retry-After", notNullValue());
    }
}
