package io.bitgetmargin.simulator;

/**
 * What the simulator answers. {@code delayMillis} holds the answer back; {@code dropConnection} closes the
 * connection without any answer (a connection reset as the client sees it).
 */
public record SimulatedResponse(int status, String contentType, String body, long delayMillis, boolean dropConnection) {

    public static SimulatedResponse json(int status, String body) {
        return new SimulatedResponse(status, "application/json", body, 0, false);
    }

    SimulatedResponse delayedBy(long millis) {
        return new SimulatedResponse(status, contentType, body, delayMillis + millis, dropConnection);
    }
}
