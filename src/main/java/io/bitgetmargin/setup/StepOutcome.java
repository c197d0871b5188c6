package io.bitgetmargin.setup;

/** What happened to one setting of a symbol setup. */
public enum StepOutcome {
    /** Sent, accepted, and read back with the new value. */
    CHANGED,
    /** Already had the value: nothing was sent for it. */
    UNCHANGED,
    /** Dry run: it would be sent. */
    WOULD_CHANGE,
    /** Sent and accepted, but the read-back failed, so the value was not seen. */
    ACCEPTED,
    /** Accepted, yet the read-back shows another value. */
    NOT_APPLIED,
    /** Bitget refused it; {@code bitgetCode} says why. */
    FAILED,
    /** Not sent, because an earlier step failed: each step builds on the ones before. */
    SKIPPED
}
