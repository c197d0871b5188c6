package io.bitgetmargin.margin;

/** A validated, normalised contract of an account: what a read or a change is about. */
public record MarginModeTarget(String symbol, ProductType productType, String marginCoin) {
}
