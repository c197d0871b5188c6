package io.bitgetmargin.margin;

import java.util.Optional;

import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;

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

    /**
     * The outcome when no change needs to be sent: {@code UNCHANGED} when the symbol has the mode, {@code WOULD_CHANGE}
     * on a dry run; empty when a change must be sent.
     */
    Optional<MarginModeResult> settled(MarginModeState current, boolean dryRun) {
        if (current.marginMode() == marginMode) {
            return Optional.of(result(current, Outcome.UNCHANGED));
        }
        return dryRun ? Optional.of(result(current, Outcome.WOULD_CHANGE)) : Optional.empty();
    }

    MarginModeResult result(MarginModeState current, Outcome outcome) {
        return new MarginModeResult(symbol(), productType(), marginCoin(), current.accountType(), current.marginMode(),
                current.longLeverage(), current.shortLeverage(), outcome);
    }

    /** This symbol's batch item for its result. */
    BatchItem item(MarginModeResult result) {
        return new BatchItem(symbol(), result.outcome(), result.marginMode(), null);
    }

    /** This symbol's batch item when it failed: BLOCKED while a position or order is open, FAILED otherwise. */
    BatchItem failed(Throwable failure) {
        boolean blocked = failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.POSITION_OR_ORDER_OPEN;
        return new BatchItem(symbol(), blocked ? Outcome.BLOCKED : Outcome.FAILED, marginMode, failure);
    }
}
