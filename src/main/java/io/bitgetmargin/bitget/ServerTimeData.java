package io.bitgetmargin.bitget;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code data} of {@code GET /api/v2/public/time}; {@code serverTime} is a string of epoch milliseconds. */
@RegisterForReflection
public record ServerTimeData(Long serverTime) {
}
