package io.bitgetmargin.bitget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /api/v3/account/set-leverage}, which is how a unified account changes a symbol's margin mode:
 * Bitget has no set-margin-mode endpoint for unified accounts, and documents {@code leverage} as required, so the
 * symbol's current leverage goes with the new mode. Every value is a string, as Bitget documents it; the order is
 * the one real clients send (the signature covers the bytes). {@code posSide} is sent only for one side of a hedge-mode
 * account.
 */
@RegisterForReflection
@JsonPropertyOrder({ "category", "symbol", "leverage", "marginMode", "posSide" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetLeverageRequest(String category, String symbol, String leverage, String marginMode, String posSide) {
}
