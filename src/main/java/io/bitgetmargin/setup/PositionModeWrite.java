package io.bitgetmargin.setup;

import java.util.function.Supplier;

import io.bitgetmargin.bitget.BitgetException;
import io.smallrye.mutiny.Uni;

/**
 * The position-mode step of a product type (classic) or a unified account: decided from the first settings read and
 * written once, before any symbol's own steps, because every symbol of it shares the mode.
 */
final class PositionModeWrite {

    /** A position-mode step once its one write answered: ACCEPTED, or FAILED with the refusal. */
    record Decided(SetupStep step, Throwable refusal) {
    }

    private PositionModeWrite() {
    }

    /** The step from the current mode to {@code wanted}, not decided yet; null when no position mode is asked. */
    static SetupStep step(PositionMode wanted, String current) {
        return wanted == null ? null : new SetupStep(Setting.POSITION_MODE, current, wanted.wireName(), null, null);
    }

    /** Whether the step has to be written: asked, different, and not a dry run. */
    static boolean mustWrite(SetupStep step, boolean dryRun) {
        return step != null && step.needsChange() && !dryRun;
    }

    /** A step that is not written: WOULD_CHANGE when it differs, UNCHANGED otherwise, null when none was asked. */
    static SetupStep unwritten(SetupStep step) {
        return step == null ? null : step.with(step.needsChange() ? StepOutcome.WOULD_CHANGE : StepOutcome.UNCHANGED);
    }

    /**
     * Writes the step. A write that failed without an answer is no refusal: the switch may have been applied, so
     * {@code readShowsIt} reads the mode again, and when it shows the mode the step is ACCEPTED.
     */
    static Uni<Decided> write(SetupStep step, Uni<?> write, Supplier<Uni<Boolean>> readShowsIt) {
        return write.map(accepted -> new Decided(step.with(StepOutcome.ACCEPTED), null))
                .onFailure().recoverWithItem(failure -> new Decided(step.failed(BitgetException.codeOf(failure)), failure))
                .chain(decided -> !ReadBack.maybeApplied(decided.refusal()) ? Uni.createFrom().item(decided)
                        : decidedByReading(step, decided, readShowsIt));
    }

    private static Uni<Decided> decidedByReading(SetupStep step, Decided unanswered,
            Supplier<Uni<Boolean>> readShowsIt) {
        return readShowsIt.get().map(shown -> shown ? new Decided(step.with(StepOutcome.ACCEPTED), null) : unanswered)
                .onFailure().recoverWithItem(unanswered);
    }
}
