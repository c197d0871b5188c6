package io.bitgetmargin.setup;

import io.bitgetmargin.margin.Outcome;

/**
 * One symbol of a setup, done: its result, and when it did not end as asked, why ({@code failure}: a Bitget refusal,
 * a read-back that disagrees or failed, or invalid input). {@code result} is null when the symbol was not even valid
 * ({@code symbol} then as written).
 */
public record SetupItem(String symbol, SymbolSetupResult result, Throwable failure) {

    /** CHANGED, UNCHANGED or WOULD_CHANGE; BLOCKED when positions or orders kept a step; FAILED otherwise. */
    public Outcome outcome() {
        if (failure == null) {
            return result.outcome();
        }
        return SetupFailedException.isBlocked(failure) ? Outcome.BLOCKED : Outcome.FAILED;
    }
}
