package io.bitgetmargin.margin;

/** Bitget accepted a change, but reading the symbol back still shows the previous margin mode. */
public class NotAppliedException extends RuntimeException {

    public NotAppliedException(String symbol, MarginMode requested, MarginMode reported) {
        super(message(symbol, requested, reported), null, false, false);
    }

    /**
     * On a unified account, whose set-leverage answer does not say what it did: the hold mode and account level are
     * what most likely kept the mode (an account level may fix it; hedge mode takes a call per side).
     */
    public NotAppliedException(String symbol, MarginMode requested, MarginMode reported, String holdMode,
            String accountLevel) {
        super(message(symbol, requested, reported) + " in the unified account's settings (hold mode " + holdMode
                + ", account level " + accountLevel + ")", null, false, false);
    }

    /** @param detail what was accepted and what the read-back shows instead */
    public NotAppliedException(String detail) {
        super(detail, null, false, false);
    }

    private static String message(String symbol, MarginMode requested, MarginMode reported) {
        return "Bitget accepted setting " + symbol + " to " + requested.wireName() + " but still reports "
                + reported.wireName();
    }
}
