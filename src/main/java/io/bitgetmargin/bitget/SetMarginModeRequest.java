package io.bitgetmargin.bitget;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /api/v2/mix/account/set-margin-mode}. The property order is the documented one: the
 * signature covers the exact bytes, so the order is pinned rather than left to the serializer.
 */
@RegisterForReflection
@JsonPropertyOrder({ "symbol", "productType", "marginCoin", "marginMode" })
public record SetMarginModeRequest(String symbol, String productType, String marginCoin, String marginMode)
        implements ProductTypeScoped {
}
