package io.bitgetmargin.margin;

/**
 * The outcome for one symbol of a batch. {@code symbol} is the normalised id when the symbol was valid, as written
 * otherwise; {@code failure} is set for {@link Outcome#BLOCKED} and {@link Outcome#FAILED}.
 */
public record BatchItem(String symbol, Outcome outcome, MarginMode marginMode, Throwable failure) {
}
