package io.bitgetmargin.setup;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an account holds a symbol's positions: one net position (one-way) or a long and a short one apart (hedge). A
 * classic account has one per product type, a unified account one for the whole account.
 */
public enum PositionMode {
    ONE_WAY("one_way_mode"),
    HEDGE("hedge_mode");

    private final String wireName;

    PositionMode(String wireName) {
        this.wireName = wireName;
    }

    /** {@code one_way_mode} or {@code hedge_mode}, as Bitget writes it. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Bitget's names, and the short ones callers write: {@code one-way}, {@code one_way}, {@code hedge}. */
    public static Optional<PositionMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "one_way_mode", "one-way", "one_way", "oneway" -> Optional.of(ONE_WAY);
            case "hedge_mode", "hedge" -> Optional.of(HEDGE);
            default -> Optional.empty();
        };
    }
}
