package io.bitgetmargin.margin;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a read margin mode came from, so that a caller can tell a reported mode from an assumed one. */
public enum MarginModeSource {
    /** A classic account's Get Single Account ({@code GET /api/v2/mix/account/account}). */
    ACCOUNT,
    /** The symbol's entry in a unified account's settings ({@code symbolConfigList} of {@code /api/v3/account/settings}). */
    SETTINGS,
    /**
     * A unified account's settings list no entry for the symbol, so it has Bitget's documented default, crossed (the
     * default of set-leverage and of place-order), and no leverage is known.
     */
    DEFAULT;

    @JsonValue
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
