package io.bitgetmargin.setup;

import java.util.ArrayList;
import java.util.List;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.RetryNotAdmittedException;
import io.bitgetmargin.margin.ChangeUnconfirmedException;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.ratelimit.RateLimitExceededException;

/**
 * Confirms a symbol's steps by reading its settings back once they were sent: the answer is the observed state, not
 * the requested one. An accepted step that the read-back shows is CHANGED, one that it does not is NOT_APPLIED, and a
 * write that got no answer yet shows applied is CHANGED too.
 */
final class ReadBack {

    private ReadBack() {
    }

    /**
     * Whether a failed write may have been applied all the same: it was sent and no answer said no (a timeout, a
     * dropped connection, a 5xx). A refusal, a full queue and an open breaker sent nothing that took effect.
     */
    static boolean maybeApplied(Throwable failure) {
        if (failure instanceof RetryNotAdmittedException notAdmitted) {
            // The retry never went; the attempt before it may have.
            return maybeApplied(notAdmitted.earlier());
        }
        return failure != null && !(failure instanceof BitgetException.Rejected)
                && !(failure instanceof BitgetException.CircuitOpen) && !(failure instanceof RateLimitExceededException)
                && !(failure instanceof BitgetException.EgressProxyRefused)
                && !(failure instanceof CallerGoneException gone && !gone.sent());
    }

    /** The item once {@code after} was read back (or, when nothing was sent, is the state read before). */
    static SetupItem confirmed(StepRun run, DesiredSetup desired, AccountType type, SymbolSettings before,
            SymbolSettings after, boolean unified) {
        run.skipUnsent();
        List<String> notApplied = new ArrayList<>();
        run.steps().replaceAll(step -> {
            if (step.outcome() == StepOutcome.FAILED && maybeApplied(run.failure())
                    && step.to().equals(after.valueOf(step.setting(), unified))) {
                // Sent and not answered, yet applied: the read-back is the answer.
                return step.with(StepOutcome.CHANGED);
            }
            boolean expected = step.outcome() == StepOutcome.ACCEPTED || step.outcome() == StepOutcome.UNCHANGED;
            if (!expected) {
                return step;
            }
            String observed = after.valueOf(step.setting(), unified);
            if (step.to().equals(observed)) {
                return step.outcome() == StepOutcome.ACCEPTED ? step.with(StepOutcome.CHANGED) : step;
            }
            notApplied.add(step.setting().field() + " " + step.to() + " (read back: " + observed + ")");
            return step.with(StepOutcome.NOT_APPLIED);
        });
        Throwable problem = run.failure();
        if (problem == null && !notApplied.isEmpty()) {
            problem = new NotAppliedException("Bitget accepted the setup of " + desired.symbol()
                    + ", but reading it back does not show " + String.join(", ", notApplied));
        }
        boolean changed = run.steps().stream().anyMatch(step -> step.outcome() == StepOutcome.CHANGED);
        return new SetupItem(desired.symbol(), run.result(desired, type, changed ? Outcome.CHANGED : Outcome.UNCHANGED,
                before, after), problem);
    }

    /** The item when the read-back failed: what was accepted stays ACCEPTED, unseen. */
    static SetupItem unconfirmed(StepRun run, DesiredSetup desired, AccountType type, SymbolSettings before,
            Throwable readBackFailure) {
        run.skipUnsent();
        Throwable problem = run.failure() != null ? run.failure()
                : new ChangeUnconfirmedException("the setup of " + desired.symbol(), readBackFailure);
        return new SetupItem(desired.symbol(), run.result(desired, type, Outcome.CHANGED, before, null), problem);
    }
}
