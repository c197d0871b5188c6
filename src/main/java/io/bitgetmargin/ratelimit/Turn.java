package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.bitgetmargin.request.OwnContext;
import io.smallrye.mutiny.Uni;

/**
 * The permit of one acquisition, from the moment its line grants it: whoever comes second of "granted" and "the
 * caller's call ended" releases it, so a permit is never lost in between.
 * <p>
 * Why not simply release on cancellation? Mutiny drops an item that meets a cancelled subscriber at any operator
 * between the line and the caller, and a cancelled emitter ignores {@code complete}: a permit granted at the moment its
 * caller hung up would reach nobody and stay counted, in memory until restart, in Redis until its lease. The line
 * hands the permit to the turn before it emits it, and {@link RateLimiter#withTurn} ends the turn when the caller's
 * call terminates in any way (item, failure, cancellation), which Mutiny reports at least once.
 */
final class Turn {

    private static final Object ENDED = new Object();

    /** Where a turn's permit comes from: a store's line. */
    interface Source {
        /** Waits for a permit of {@code lane}, at most {@code maxWait}, and hands it to {@code turn} before emitting it. */
        Uni<Permit> acquire(Lane lane, Duration maxWait, Turn turn);
    }

    /** Whom nobody named: every such acquisition is one party. */
    static final String NOBODY = "";

    /** null while waiting, the permit once granted, {@link #ENDED} once the caller's call has ended. */
    private final AtomicReference<Object> state = new AtomicReference<>();
    /** Whose turn this is: the lines take turns round between parties ({@link FairQueue}). */
    final String party;

    Turn() {
        this(NOBODY);
    }

    Turn(String party) {
        this.party = party == null ? NOBODY : party;
    }

    /**
     * Keeps a granted permit for the caller.
     *
     * @return false when the caller's call already ended: the permit has been released, and must not be delivered
     */
    boolean hold(Permit permit) {
        if (state.compareAndSet(null, permit)) {
            return true;
        }
        permit.release();
        return false;
    }

    /** The caller's call ended: releases the permit if one was granted (again is harmless), and any granted later. */
    void end() {
        if (state.getAndSet(ENDED) instanceof Permit permit) {
            permit.release();
        }
    }

    /**
     * Runs {@code call} with a turn of {@code party} from {@code source}, ended when {@code call}'s {@code Uni} ends
     * however it ends. A wait that {@code stopWaiting} cuts short (by failing) is cancelled, which takes the caller off
     * the line.
     */
    static <T> Uni<T> taking(Source source, Lane lane, String party, Duration wait, Uni<Permit> stopWaiting,
            Function<Permit, Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Turn turn = new Turn(party);
            // A permit is granted when another caller's call ends, by a timer or by Redis: the call it admits goes on
            // from its own caller's context, not from theirs.
            return OwnContext.resume(Uni.combine().any().of(source.acquire(lane, wait, turn), stopWaiting))
                    .chain(permit -> call.apply(permit)).onTermination().invoke(turn::end);
        });
    }
}
