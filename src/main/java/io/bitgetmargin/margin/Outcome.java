package io.bitgetmargin.margin;

/** What happened to one symbol. */
public enum Outcome {
    /** The mode was changed. */
    CHANGED,
    /** The symbol already had the requested mode; nothing was sent. */
    UNCHANGED,
    /** Dry run: the symbol would be changed. */
    WOULD_CHANGE,
    /** Open positions or orders prevent the change (Bitget 45117). */
    BLOCKED,
    /** The symbol could not be read or changed; the problem says why. */
    FAILED
}
