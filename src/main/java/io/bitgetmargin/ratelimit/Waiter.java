package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * A caller queued for a permit: whom to answer, the turn that keeps the permit once granted (and whose it is), since
 * when, and the timer that refuses it at its deadline.
 */
final class Waiter {

    final UniEmitter<? super Permit> emitter;
    final Turn turn;
    /** Whose caller this is ({@link Turn#party}). */
    final String party;
    final long sinceNanos;
    /** How many callers the line can serve within this caller's maximum wait. */
    final long servable;
    /** Set and read under the line's monitor. */
    ScheduledFuture<?> deadline;
    /** Taken off the line (admitted or refused); set and read under the line's monitor. */
    boolean taken;

    Waiter(UniEmitter<? super Permit> emitter, Turn turn, long sinceNanos) {
        this(emitter, turn, sinceNanos, Long.MAX_VALUE);
    }

    Waiter(UniEmitter<? super Permit> emitter, Turn turn, long sinceNanos, long servable) {
        this.servable = servable;
        this.emitter = emitter;
        this.turn = turn;
        this.party = turn.party;
        this.sinceNanos = sinceNanos;
    }

    Duration waited(long nowNanos) {
        return Duration.ofNanos(nowNanos - sinceNanos);
    }
}
