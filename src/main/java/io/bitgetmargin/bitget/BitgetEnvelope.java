package io.bitgetmargin.bitget;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Bitget's response envelope. {@code code} is a string and success is exactly {@code "00000"}; an HTTP 200
 * with any other code is an error. {@code requestTime} arrives as a number or a string, both are accepted.
 */
@RegisterForReflection
public record BitgetEnvelope<T>(String code, String msg, Long requestTime, T data) {

    /** Bitget's one success code. */
    public static final String SUCCESS = "00000";

    public boolean isSuccess() {
        return SUCCESS.equals(code);
    }
}
