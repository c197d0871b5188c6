package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackProxy;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The egress proxy refuses the password the service sends: a clear problem, nothing retried, nothing at Bitget. */
@QuarkusTest
@TestProfile(EgressProxyTest.EverythingLogged.class)
@WithTestResource(LoopbackBitget.class)
@WithTestResource(value = LoopbackProxy.class, initArgs = @ResourceArg(name = "password",
        value = EgressProxyRefusedTest.WRONG_PASSWORD))
class EgressProxyRefusedTest {

    static final String WRONG_PASSWORD = "wrong-proxy-pass-5ecret";

    @Test
    void aWrongProxyPasswordIsAClearProblemAndNothingReachesBitget() throws Exception {
        Simulator.reset();
        LoopbackProxy.forget();
        problem(Facade.put(Map.of("symbol", "BTCUSDT", "marginMode", "isolated")), 502, "EGRESS_PROXY_REFUSED")
                .body("detail", containsString("proxy-password"))
                .body("retryable", equalTo(false));
        List<LoopbackProxy.Seen> seen = LoopbackProxy.seen();
        assertFalse(seen.isEmpty(), "the call went to the proxy");
        assertTrue(seen.stream().noneMatch(LoopbackProxy.Seen::authorised));
        assertEquals(List.of(), Simulator.calls(), "nothing reached Bitget");
        Map<String, Long> perCall = seen.stream().collect(Collectors.groupingBy(LoopbackProxy.Seen::uri,
                Collectors.counting()));
        assertTrue(perCall.values().stream().allMatch(count -> count == 1), "a refused password is not retried: " + perCall);
        EgressProxyTest.assertPasswordNeverLogged();
    }
}
