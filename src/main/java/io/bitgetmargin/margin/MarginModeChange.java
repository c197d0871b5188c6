package io.bitgetmargin.margin;

/** A validated, normalised margin-mode change, ready to be signed and sent. */
public record MarginModeChange(String symbol, ProductType productType, String marginCoin, MarginMode marginMode) {
}
