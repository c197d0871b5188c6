package io.bitgetmargin.bitget;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code data} of a successful set-position-mode answer: the product type's mode now. */
@RegisterForReflection
public record SetPositionModeData(String posMode) {
}
