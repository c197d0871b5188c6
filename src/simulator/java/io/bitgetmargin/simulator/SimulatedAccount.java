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
    /** A unified account's position mode, for the whole account; starts as the key's. */
    String holdMode;

    SimulatedAccount(SimulatedKey key) {
        this.key = key;
        this.holdMode = key.holdMode();
    }

    void forgetCalls() {
        recentCalls.clear();
    }

    /**
     * A classic account's position mode of a product type, which Bitget keeps for all its symbols at once (each
     * symbol's {@code posMode} is that of its product type); hedge mode when the account has no symbol of the type.
     */
    String positionMode(String productType) {
        return symbols.values().stream().filter(symbol -> symbol.productType().equals(productType))
                .map(SimulatedSymbol::posMode).findFirst().orElse("hedge_mode");
    }

    /** Sets the position mode of every symbol of a product type. */
    void setPositionMode(String productType, String posMode) {
        symbols.replaceAll((name, symbol) -> symbol.productType().equals(productType) ? symbol.withPosMode(posMode)
                : symbol);
    }

    /** Whether any symbol of a product type (all of them: null) has an open position or order. */
    boolean hasPositionsOrOrders(String productType) {
        return symbols.values().stream().filter(symbol -> productType == null || symbol.productType().equals(productType))
                .anyMatch(SimulatedSymbol::hasPositionsOrOrders);
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
