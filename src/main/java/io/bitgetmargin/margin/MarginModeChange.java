package io.bitgetmargin.margin;

/** A validated, normalised margin-mode change, ready to be signed and sent. */
public record MarginModeChange(MarginModeTarget target, MarginMode marginMode) {

    public String symbol() {
        return target.symbol();
    }

    public ProductType productType() {
        return target.productType();
    }

    public String marginCoin() {
        return target.marginCoin();
    }
}
