package io.bitgetmargin.bitget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of the classic {@code POST /api/v2/mix/account/set-leverage}. It has no margin-mode field: it changes the
 * leverage stored for the mode the symbol is in when it arrives. {@code holdSide} ({@code long} or {@code short}) is
 * sent only for an isolated symbol in hedge mode, one call per side, the one form both versions of Bitget's page
 * document; the single call with {@code longLeverage} and {@code shortLeverage} is in the newer version only.
 * Values are strings, in the documented order: the signature covers the exact bytes.
 */
@RegisterForReflection
@JsonPropertyOrder({ "symbol", "productType", "marginCoin", "leverage", "holdSide" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetFuturesLeverageRequest(String symbol, String productType, String marginCoin, String leverage,
        String holdSide) implements ProductTypeScoped {
}
