package io.bitgetmargin.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.margin.Outcome;
import io.smallrye.mutiny.Uni;

/**
 * One symbol's steps while they are sent, in Bitget's order, one after the other: the first failure skips the rest.
 * Its fields are written by one chain of calls at a time, each after the one before, and read once the chain is done
 * ({@link ReadBack} then confirms them).
 */
final class StepRun {

    /** A call and the steps it changes. */
    record Action(List<Setting> covers, Supplier<Uni<?>> send) {
    }

    private final List<SetupStep> steps;
    private volatile Throwable failure;
    private volatile boolean sent;

    StepRun(List<SetupStep> planned) {
        this.steps = new ArrayList<>();
        for (SetupStep step : planned) {
            // A step decided before (the product type's position mode) keeps its outcome.
            steps.add(step.outcome() != null ? step : step.needsChange() ? step : step.with(StepOutcome.UNCHANGED));
        }
        this.sent = steps.stream().anyMatch(step -> step.outcome() == StepOutcome.ACCEPTED);
    }

    /** The steps as they stand; {@link ReadBack} settles them in place. */
    List<SetupStep> steps() {
        return steps;
    }

    /** The failure that stopped the run, or null. */
    Throwable failure() {
        return failure;
    }

    /** Whether anything was sent that may have changed the symbol, so that reading back has something to confirm. */
    boolean sent() {
        return sent;
    }

    Optional<SetupStep> step(Setting setting) {
        return steps.stream().filter(step -> step.setting() == setting).findFirst();
    }

    Uni<Void> execute(List<Action> actions) {
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (Action action : actions) {
            sequence = sequence.chain(() -> send(action));
        }
        return sequence;
    }

    /** One call, once the one before answered: skipped when an earlier one failed. */
    private Uni<Void> send(Action action) {
        if (failure != null) {
            mark(action.covers(), StepOutcome.SKIPPED, null);
            return Uni.createFrom().voidItem();
        }
        boolean sentBefore = sent;
        sent = true;
        return action.send().get()
                .onItem().invoke(accepted -> mark(action.covers(), StepOutcome.ACCEPTED, null))
                .replaceWithVoid()
                .onFailure().recoverWithItem(refusal -> refused(action, refusal, sentBefore));
    }

    /** Settles the steps of a call that failed; null, the item the run goes on with. */
    private Void refused(Action action, Throwable refusal, boolean sentBefore) {
        if (refusal instanceof CallerGoneException callerGone && !callerGone.sent()) {
            // The caller hung up before this step went out: nothing of it was sent.
            sent = sentBefore;
            mark(action.covers(), StepOutcome.SKIPPED, null);
            failure = refusal;
        } else if (refusal instanceof BitgetException.Rejected rejected
                && BitgetErrorCode.isLeverageUnchanged(rejected.bitgetCode())) {
            mark(action.covers(), StepOutcome.ACCEPTED, null);
        } else {
            // Also over an ACCEPTED: the calls of both sides cover the same steps.
            steps.replaceAll(step -> action.covers().contains(step.setting())
                    && (step.outcome() == null || step.outcome() == StepOutcome.ACCEPTED)
                            ? step.failed(BitgetException.codeOf(refusal)) : step);
            failure = refusal;
        }
        return null;
    }

    /** Marks the steps of {@code covers} that are still to be sent. */
    private void mark(List<Setting> covers, StepOutcome outcome, String bitgetCode) {
        steps.replaceAll(step -> step.outcome() == null && covers.contains(step.setting())
                ? new SetupStep(step.setting(), step.from(), step.to(), outcome, bitgetCode) : step);
    }

    /** The item of a dry run: what would be sent is WOULD_CHANGE, and nothing is. */
    SetupItem dryRun(DesiredSetup desired, AccountType type, SymbolSettings before) {
        steps.replaceAll(step -> step.outcome() == null ? step.with(StepOutcome.WOULD_CHANGE) : step);
        boolean would = steps.stream().anyMatch(step -> step.outcome() == StepOutcome.WOULD_CHANGE);
        return new SetupItem(desired.symbol(), result(desired, type, would ? Outcome.WOULD_CHANGE : Outcome.UNCHANGED,
                before, null), null);
    }

    /** Marks every step not sent as SKIPPED. */
    void skipUnsent() {
        steps.replaceAll(step -> step.outcome() == null ? step.with(StepOutcome.SKIPPED) : step);
    }

    SymbolSetupResult result(DesiredSetup desired, AccountType type, Outcome outcome, SymbolSettings before,
            SymbolSettings after) {
        return new SymbolSetupResult(desired.symbol(), desired.productType(), desired.marginCoin(), type, outcome,
                before, after, List.copyOf(steps));
    }
}
