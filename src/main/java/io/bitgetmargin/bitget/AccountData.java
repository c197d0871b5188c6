package io.bitgetmargin.bitget;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of {@code GET /api/v2/mix/account/account} this service reads. Leverages are strings in older docs
 * and numbers in newer ones; both parse.
 */
@RegisterForReflection
public record AccountData(
        String marginCoin,
        String marginMode,
        String posMode,
        String assetMode,
        BigDecimal crossedMarginLeverage,
        BigDecimal isolatedLongLever,
        BigDecimal isolatedShortLever) {
}
