package io.bitgetmargin.margin;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A futures position's margin mode, as Bitget spells it on the wire. */
public enum MarginMode {
    CROSSED("crossed"),
    ISOLATED("isolated");

    private final String wireName;

    MarginMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a caller's spelling: any case, surrounding blanks ignored, {@code cross} for crossed and {@code fixed}
     * (the v1 name) for isolated.
     */
    public static Optional<MarginMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "crossed", "cross" -> Optional.of(CROSSED);
            case "isolated", "fixed" -> Optional.of(ISOLATED);
            default -> Optional.empty();
        };
    }

    /** Reads Bitget's own answer, which is always the wire name. */
    public static Optional<MarginMode> fromWire(String wireName) {
        for (MarginMode mode : values()) {
            if (mode.wireName.equals(wireName)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
