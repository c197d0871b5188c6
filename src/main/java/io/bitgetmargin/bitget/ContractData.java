package io.bitgetmargin.bitget;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One item of the public {@code GET /api/v2/mix/market/contracts}: the part this service reads. {@code minLever} and
 * {@code maxLever} are the leverage range (strings on the wire; {@code maxLever} is the first tier's ceiling, so a
 * large position may allow less); {@code symbolStatus} is {@code normal} for a tradable contract.
 */
@RegisterForReflection
public record ContractData(String symbol, String symbolStatus, BigDecimal minLever, BigDecimal maxLever,
        List<String> supportMarginCoins) {
}
