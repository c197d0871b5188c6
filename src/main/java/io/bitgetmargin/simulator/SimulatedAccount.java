package io.bitgetmargin.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One key's state in the simulator: its contracts, and the calls it made lately on each endpoint (for the limits). */
final class SimulatedAccount {

    final SimulatedKey key;
    /** By symbol, in the order they were listed. */
    final Map<String, SimulatedSymbol> symbols = new LinkedHashMap<>();
    private final Map<String, Deque<Long>> recentCalls = new HashMap<>();

    SimulatedAccount(SimulatedKey key) {
        this.key = key;
    }

    /**
     * Counts a call on {@code endpoint} unless {@code perSecond} calls arrived within the last second, as Bitget
     * counts per UID and endpoint.
     *
     * @return false when the call must be answered 429
     */
    boolean admit(String endpoint, int perSecond) {
        Deque<Long> window = recentCalls.computeIfAbsent(endpoint, name -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        while (!window.isEmpty() && now - window.peekFirst() >= 1000) {
            window.removeFirst();
        }
        if (window.size() >= perSecond) {
            return false;
        }
        window.addLast(now);
        return true;
    }
}
