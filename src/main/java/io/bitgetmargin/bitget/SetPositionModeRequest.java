package io.bitgetmargin.bitget;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /api/v2/mix/account/set-position-mode}: {@code one_way_mode} or {@code hedge_mode} for every
 * symbol of the product type at once (there is no symbol field). In the documented order, as signed.
 */
@RegisterForReflection
@JsonPropertyOrder({ "productType", "posMode" })
public record SetPositionModeRequest(String productType, String posMode) implements ProductTypeScoped {
}
