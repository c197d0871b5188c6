package io.bitgetmargin.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Every Bitget call the simulator saw and what it answered, the newest {@value #MAX_SEEN}; no passphrase is kept. */
final class RequestLog {

    private static final int MAX_SEEN = 20_000;

    private final Deque<SeenRequest> seen = new ArrayDeque<>();

    void record(SimulatedRequest request, SimulatedResponse answer, boolean injected) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.computeIfPresent("ACCESS-PASSPHRASE", (name, value) -> "(not kept)");
        String code = null;
        if (answer.body() != null && answer.body().startsWith("{")) {
            try {
                code = Envelopes.JSON.readTree(answer.body()).path("code").asText(null);
            } catch (JsonProcessingException cannedBody) {
                code = null;
            }
        }
        seen.addLast(new SeenRequest(System.currentTimeMillis(), request.method(), request.rawPath(),
                Envelopes.decode(request.rawQuery()), new LinkedHashMap<>(headers), request.bodyText(), answer.status(), code,
                injected));
        while (seen.size() > MAX_SEEN) {
            seen.removeFirst();
        }
    }

    List<SeenRequest> all() {
        return new ArrayList<>(seen);
    }

    void clear() {
        seen.clear();
    }
}
