package io.bitgetmargin.bitget;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper that decides the bytes we sign and send to Bitget, and reads what Bitget answers.
 * <p>
 * It is deliberately not the application's CDI {@code ObjectMapper}: a global Jackson setting (inclusion,
 * ordering, indentation) changed for the facade must never change the signed bytes. Writing is compact, in
 * record declaration order, with non-ASCII characters as raw UTF-8 (Bitget signs UTF-8, not {@code \\uXXXX}).
 * Reading is tolerant: unknown fields are ignored, numbers may come as strings and the reverse.
 */
public final class BitgetJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private BitgetJson() {
    }

    /** Serialises a request body exactly once; the caller signs and sends this very string. */
    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName() + " for Bitget");
        }
    }

    /**
     * Reads Bitget's envelope {@code {"code","msg","requestTime","data"}}.
     *
     * @throws NotAnEnvelopeException when the body is not JSON or has no {@code code}
     */
    public static <T> BitgetEnvelope<T> readEnvelope(String body, Class<T> dataType) {
        if (body == null || body.isBlank()) {
            throw new NotAnEnvelopeException("empty body");
        }
        JavaType type = MAPPER.getTypeFactory().constructParametricType(BitgetEnvelope.class, dataType);
        BitgetEnvelope<T> envelope;
        try {
            envelope = MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new NotAnEnvelopeException("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (envelope == null || envelope.code() == null || envelope.code().isBlank()) {
            throw new NotAnEnvelopeException("JSON without a code");
        }
        return envelope;
    }

    /** Reads arbitrary JSON into a record, for the simulator and tests. */
    public static <T> T read(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Raised when a body is not Bitget's JSON envelope: an HTML gateway page, an empty or truncated body. */
    public static final class NotAnEnvelopeException extends RuntimeException {
        NotAnEnvelopeException(String reason) {
            super(reason, null, false, false);
        }
    }
}
