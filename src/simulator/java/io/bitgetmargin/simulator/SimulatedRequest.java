package io.bitgetmargin.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the simulator received it: the raw path and query as they were on the wire, and the body
 * bytes exactly as sent (the signature is checked over these).
 */
public record SimulatedRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    public SimulatedRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
        body = body == null ? new byte[0] : body;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
