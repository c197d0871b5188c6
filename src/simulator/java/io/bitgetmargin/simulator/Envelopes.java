package io.bitgetmargin.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bitget's answer envelope and the request parsing every simulated endpoint shares. */
final class Envelopes {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Envelopes() {
    }

    /** {@code {"code":"00000","msg":"success","requestTime":…,"data":…}}. */
    static SimulatedResponse success(JsonNode data, long now) {
        ObjectNode envelope = JSON.createObjectNode().put("code", "00000").put("msg", "success").put("requestTime", now);
        envelope.set("data", data);
        return SimulatedResponse.json(200, envelope.toString());
    }

    /** An error as Bitget sends it: the status, and the envelope with the code, the message and {@code data: null}. */
    static SimulatedResponse error(int status, String code, String msg, long now) {
        ObjectNode envelope = JSON.createObjectNode().put("code", code).put("msg", msg).put("requestTime", now);
        envelope.putNull("data");
        return SimulatedResponse.json(status, envelope.toString());
    }

    /** The body as a JSON object, or null when it is not one. */
    static ObjectNode object(SimulatedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body != null && body.isObject() ? (ObjectNode) body : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** A non-empty text field of a body, or null. */
    static String text(ObjectNode body, String field) {
        return body.hasNonNull(field) && !body.get(field).asText().isEmpty() ? body.get(field).asText() : null;
    }

    static String decode(String rawQuery) {
        return rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
