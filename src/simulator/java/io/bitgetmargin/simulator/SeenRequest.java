package io.bitgetmargin.simulator;

import java.util.Map;

/**
 * A Bitget call as the simulator saw it and answered it, for tests that count calls or compare signatures. The
 * passphrase header is not kept. {@code injected} is true when a queued fault answered instead of Bitget's endpoint,
 * so that a run can tell the 429s it injected from the ones Bitget's limits gave.
 */
public record SeenRequest(
        long receivedAtMillis,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        int status,
        String code,
        boolean injected) {
}
