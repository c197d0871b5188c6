package io.bitgetmargin.setup;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A setting a symbol setup can change, named as in the request. On a classic account {@code leverage} is the cross
 * leverage and {@code longLeverage}/{@code shortLeverage} the isolated ones (Bitget stores all three side by side); on
 * a unified account {@code leverage} is the symbol's one leverage.
 */
public enum Setting {
    POSITION_MODE("posMode"),
    MARGIN_MODE("marginMode"),
    LEVERAGE("leverage"),
    LONG_LEVERAGE("longLeverage"),
    SHORT_LEVERAGE("shortLeverage");

    private final String field;

    Setting(String field) {
        this.field = field;
    }

    @JsonValue
    public String field() {
        return field;
    }
}
