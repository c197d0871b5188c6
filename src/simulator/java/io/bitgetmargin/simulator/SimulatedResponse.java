package io.bitgetmargin.simulator;

/**
 * What the simulator answers. {@code retryAfter} is the {@code Retry-After} header, if any; {@code delayMillis}
 * holds the answer back; {@code dropConnection} closes the connection without any answer (a connection reset as the
 * client sees it).
 */
public record SimulatedResponse(int status, String contentType, String body, String retryAfter, long delayMillis,
        boolean dropConnection) {

    public static SimulatedResponse json(int status, String body) {
        return new SimulatedResponse(status, "application/json", body, null, 0, false);
    }

    SimulatedResponse delayedBy(long millis) {
        return new SimulatedResponse(status, contentType, body, retryAfter, delayMillis + millis, dropConnection);
    }
}
