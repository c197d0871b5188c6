package io.bitgetmargin.setup;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.margin.MarginMode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A symbol's settings as Bitget reported them. A classic account reports its three stored leverages (cross, isolated
 * long, isolated short), whichever mode is current; a unified account one {@code leverage} (null when its settings
 * list none for the symbol).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SymbolSettings(
        MarginMode marginMode,
        PositionMode posMode,
        BigDecimal crossedMarginLeverage,
        BigDecimal isolatedLongLeverage,
        BigDecimal isolatedShortLeverage,
        BigDecimal leverage) {

    /** The value of a setting as a step shows it; null when Bitget reported none. */
    String valueOf(Setting setting, boolean unified) {
        return switch (setting) {
            case POSITION_MODE -> posMode == null ? null : posMode.wireName();
            case MARGIN_MODE -> marginMode == null ? null : marginMode.wireName();
            case LEVERAGE -> text(unified ? leverage : crossedMarginLeverage);
            case LONG_LEVERAGE -> text(isolatedLongLeverage);
            case SHORT_LEVERAGE -> text(isolatedShortLeverage);
        };
    }

    /** Leverages compare as numbers: Bitget writes 3, "3" and "3.0" for the same value. */
    static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
