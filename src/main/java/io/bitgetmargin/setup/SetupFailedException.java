package io.bitgetmargin.setup;

import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;

/**
 * A symbol setup that did not end as asked, with its steps: which were applied, which failed and which were skipped.
 * Nothing is rolled back and no refusal is retried: the earlier steps stay applied, and the answer says so. The cause
 * is what the caller is told about (a Bitget refusal, a read-back that disagrees or failed).
 */
public class SetupFailedException extends RuntimeException {

    private final transient SymbolSetupResult result;

    public SetupFailedException(SymbolSetupResult result, Throwable cause) {
        super(cause.getMessage(), cause, false, false);
        this.result = result;
    }

    public SymbolSetupResult result() {
        return result;
    }

    /** Whether open positions or orders kept a step from being applied: a retry once they are closed may work. */
    static boolean isBlocked(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && (rejected.category() == BitgetErrorCategory.POSITION_OR_ORDER_OPEN
                        || rejected.category() == BitgetErrorCategory.POSITION_MODE_BLOCKED
                        || rejected.category() == BitgetErrorCategory.LEVERAGE_BLOCKED);
    }
}
