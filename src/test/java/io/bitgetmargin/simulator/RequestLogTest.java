package io.bitgetmargin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What the simulator's request log tells a run: a 429 a queued fault gave is marked injected, so that it is not taken
 * for one of Bitget's own limits.
 */
class RequestLogTest {

    private final BitgetSimulator simulator = new BitgetSimulator(List.of());

    private SimulatedResponse serverTime() {
        return simulator.handle(new SimulatedRequest("GET", BitgetSimulator.SERVER_TIME, "", Map.of(), new byte[0]));
    }

    @Test
    void marksTheAnswersOfQueuedFaultsAsInjected() {
        simulator.faults.add(new SimulatedFault(null, null, 429, null, "{\"code\":\"429\"}", "1", null, 1));
        assertEquals(429, serverTime().status());
        assertEquals(200, serverTime().status());

        List<SeenRequest> seen = simulator.log.all();
        assertTrue(seen.get(0).injected(), "the fault's 429");
        assertFalse(seen.get(1).injected(), "the endpoint's own answer");
    }

    @Test
    void aDelayAloneIsStillTheEndpointsOwnAnswer() {
        simulator.faults.add(new SimulatedFault(null, 5L, null, null, null, null, null, 1));
        SimulatedResponse delayed = serverTime();

        assertEquals(200, delayed.status());
        assertEquals(5, delayed.delayMillis());
        assertFalse(simulator.log.all().get(0).injected());
    }
}
