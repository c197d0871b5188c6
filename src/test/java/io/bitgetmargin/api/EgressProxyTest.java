package io.bitgetmargin.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.DebugLogging;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackProxy;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Egress through a forward proxy that requires credentials ({@code quarkus.rest-client.bitget.proxy-*}), with every
 * logger at DEBUG: every signed call goes through it and still verifies, the proxy's credentials never reach Bitget
 * or the log, and a wrong proxy password is a clear problem with nothing sent to Bitget.
 */
@QuarkusTest
@TestProfile(EgressProxyTest.EverythingLogged.class)
@WithTestResource(LoopbackBitget.class)
@WithTestResource(LoopbackProxy.class)
class EgressProxyTest {

    static final Path LOG = Path.of("target", "egress-proxy-" + ProcessHandle.current().pid() + ".log");

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DebugLogging.into(LOG);
        }
    }

    @BeforeEach
    void reset() {
        Simulator.reset();
        LoopbackProxy.forget();
    }

    @Test
    void everySignedCallGoesThroughTheProxyAndStillVerifies() throws Exception {
        Facade.put(Map.of("symbol", "BTCUSDT", "marginMode", "isolated")).statusCode(200)
                .body("outcome", equalTo("CHANGED"));

        // The proxy sees a call before Bitget records it, and a background clock measurement may be on its way at any
        // moment: read Bitget's record first, then the proxy's, and every call Bitget received must be among those the
        // proxy forwarded with its credentials.
        List<Map<String, Object>> received = Simulator.everyRequest();
        assertFalse(received.isEmpty());
        List<LoopbackProxy.Seen> forwarded = LoopbackProxy.seen().stream().filter(LoopbackProxy.Seen::authorised).toList();
        for (Map<String, Object> call : received) {
            long bitgetSaw = received.stream().filter(other -> sameCall(other, call)).count();
            long proxyForwarded = forwarded.stream().filter(seen -> seen.method().equals(call.get("method"))
                    && URI.create(seen.uri()).getPath().equals(call.get("path"))).count();
            assertTrue(proxyForwarded >= bitgetSaw, "every " + call.get("method") + " " + call.get("path")
                    + " Bitget received came through the proxy: " + forwarded);
        }
        assertTrue(forwarded.stream().anyMatch(seen -> seen.method().equals("POST")
                && seen.uri().endsWith(Simulator.SET_MARGIN_MODE)), "the signed change among them: " + forwarded);
        assertTrue(Simulator.calls().stream().allMatch(call -> "00000".equals(call.get("code"))),
                "Bitget verified every signature: " + Simulator.calls());
        for (Map<String, Object> call : received) {
            assertEquals(null, SeenCalls.header(call, "Proxy-Authorization"), "the proxy's credentials stay with the proxy");
        }
        assertPasswordNeverLogged();
    }

    private static String basic(String password) {
        return Base64.getEncoder().encodeToString((LoopbackProxy.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameCall(Map<String, Object> one, Map<String, Object> other) {
        return one.get("method").equals(other.get("method")) && one.get("path").equals(other.get("path"));
    }

    static void assertPasswordNeverLogged() throws Exception {
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("DEBUG"), "the log holds DEBUG lines");
        // The proxy's credentials travel as Basic user:password, so the encoded form is the password too.
        for (String secret : List.of(LoopbackProxy.PASSWORD, EgressProxyRefusedTest.WRONG_PASSWORD,
                basic(LoopbackProxy.PASSWORD), basic(EgressProxyRefusedTest.WRONG_PASSWORD), TestAccounts.SECRET_KEY,
                TestAccounts.PASSPHRASE)) {
            assertFalse(log.contains(secret), "the log contains a secret value of length " + secret.length());
        }
    }
}
