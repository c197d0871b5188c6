package io.bitgetmargin.margin;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Bitget's futures product types. The S-prefixed ones are the legacy simulated (demo) markets, used without the
 * {@code paptrading} header.
 */
public enum ProductType {
    USDT_FUTURES("USDT-FUTURES"),
    COIN_FUTURES("COIN-FUTURES"),
    USDC_FUTURES("USDC-FUTURES"),
    SUSDT_FUTURES("SUSDT-FUTURES"),
    SCOIN_FUTURES("SCOIN-FUTURES"),
    SUSDC_FUTURES("SUSDC-FUTURES");

    private final String wireName;

    ProductType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether this is one of the legacy simulated (demo) product types, which only classic accounts have. */
    public boolean isSimulated() {
        return wireName.startsWith("S");
    }

    /** Reads a caller's spelling in any case, surrounding blanks ignored. */
    public static Optional<ProductType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (ProductType type : values()) {
            if (type.wireName.equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The six values, as a caller should write them. */
    public static String allowedValues() {
        StringBuilder values = new StringBuilder();
        for (ProductType type : values()) {
            values.append(values.length() == 0 ? "" : ", ").append(type.wireName);
        }
        return values.toString();
    }
}
