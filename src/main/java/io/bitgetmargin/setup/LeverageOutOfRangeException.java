package io.bitgetmargin.setup;

import java.math.BigDecimal;

/** A leverage outside the contract's range in Bitget's contracts list; nothing was sent. */
public class LeverageOutOfRangeException extends RuntimeException {

    private final String field;

    public LeverageOutOfRangeException(String field, String symbol, BigDecimal asked, BigDecimal minLever,
            BigDecimal maxLever) {
        super(field + " " + asked.toPlainString() + " is outside " + symbol + "'s range of " + SymbolSettings.text(minLever)
                + " to " + SymbolSettings.text(maxLever) + " in Bitget's contracts list", null, false, false);
        this.field = field;
    }

    /** The request field that is out of range. */
    public String field() {
        return field;
    }
}
