package io.bitgetmargin.margin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A margin-mode change as a caller wrote it, before normalisation. Field names are Bitget's, so a request written
 * for Bitget works unchanged.
 */
@RegisterForReflection
public record MarginModeInput(String symbol, String productType, String marginCoin, String marginMode) {
}
