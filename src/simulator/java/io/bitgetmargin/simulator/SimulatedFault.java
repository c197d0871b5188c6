package io.bitgetmargin.simulator;

/**
 * A fault the simulator applies to the next {@code times} Bitget calls whose path starts with {@code path} (all
 * paths when null): a delay, a canned answer (any status, any body, HTML included, optionally with a
 * {@code Retry-After} header), or a dropped connection. A delay alone delays the normal answer.
 */
public record SimulatedFault(String path, Long delayMillis, Integer status, String contentType, String body,
        String retryAfter, Boolean dropConnection, Integer times) {

    boolean matches(String rawPath) {
        return path == null || rawPath.startsWith(path);
    }

    long delay() {
        return delayMillis == null ? 0 : delayMillis;
    }

    int remaining() {
        return times == null ? 1 : times;
    }

    SimulatedFault consumeOne() {
        return new SimulatedFault(path, delayMillis, status, contentType, body, retryAfter, dropConnection, remaining() - 1);
    }
}
