package io.bitgetmargin.simulator;

import java.util.ArrayDeque;
import java.util.Deque;

/** The faults queued through the control API, applied to the next matching Bitget calls in order. */
final class FaultQueue {

    private final Deque<SimulatedFault> faults = new ArrayDeque<>();

    void add(SimulatedFault fault) {
        faults.addLast(fault);
    }

    /** The fault for a call on {@code path}, if the head of the queue matches it; consumes one of its times. */
    SimulatedFault take(String path) {
        SimulatedFault head = faults.peekFirst();
        if (head == null || !head.matches(path)) {
            return null;
        }
        faults.removeFirst();
        if (head.remaining() > 1) {
            faults.addFirst(head.consumeOne());
        }
        return head;
    }

    void clear() {
        faults.clear();
    }

    /** What a fault makes of a call: its canned answer or dropped connection, or null for the normal answer. */
    static SimulatedResponse cannedAnswer(SimulatedFault fault) {
        if (fault != null && fault.status() != null) {
            return new SimulatedResponse(fault.status(), fault.contentType() == null ? "application/json" : fault.contentType(),
                    fault.body() == null ? "" : fault.body(), fault.retryAfter(), 0, false);
        }
        if (fault != null && Boolean.TRUE.equals(fault.dropConnection())) {
            return new SimulatedResponse(0, null, "", null, 0, true);
        }
        return null;
    }
}
