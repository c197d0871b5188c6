package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The callers of this instance waiting for permits of one {@link Lane}, in order, each refused with
 * {@link RateLimitExceededException} at its deadline. Subclasses decide when the head may go ({@link #serve}).
 * <p>
 * All state is guarded by the instance's monitor, and nothing else happens under it: decisions taken under the
 * monitor are collected in {@link Answers} and sent once it is released ({@link #answer}), so that an admitted
 * caller's chain never runs while the line is locked. Timers (deadlines, wake-ups) run on Mutiny's worker pool,
 * which Quarkus backs with its own executor.
 */
abstract class WaitingLine {

    protected final Lane lane;
    /** How long an ended call stays counted. */
    protected final long holdNanos;
    protected final Deque<Waiter> waiters = new ArrayDeque<>();
    private final MeterRegistry meters;
    private final RateLimitStore store;

    WaitingLine(Lane lane, Duration hold, MeterRegistry meters, RateLimitStore store) {
        this.lane = lane;
        this.holdNanos = hold.toNanos();
        this.meters = meters;
        this.store = store;
    }

    /**
     * Runs {@code task} after {@code nanos} on Mutiny's scheduler, read each time (Quarkus replaces it on every
     * start). Rounded up to whole milliseconds, and never below one: Quarkus backs it with Vert.x timers, which refuse
     * shorter delays.
     */
    protected static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
        return Infrastructure.getDefaultWorkerPool().schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /** How many calls of the lane may be counted at once here; read under the monitor, it may change over time. */
    protected int limit() {
        return lane.perSecond();
    }

    final void enqueue(UniEmitter<? super Permit> emitter, Turn turn, long sinceNanos, Duration maxWait) {
        Waiter waiter = new Waiter(emitter, turn, sinceNanos);
        Answers answers = new Answers();
        synchronized (this) {
            // More waiters than the limit can serve within maxWait: no point in making this one wait.
            long servable = (long) limit() * Math.max(1, (maxWait.toNanos() + holdNanos - 1) / holdNanos);
            if (waiters.size() >= servable) {
                answers.refuse(waiter, exceeded());
            } else {
                waiters.addLast(waiter);
                emitter.onTermination(() -> cancel(waiter));
                serve(answers);
                if (!waiter.taken) {
                    // Only a caller that has to wait needs a deadline (most are let go at once).
                    waiter.deadline = schedule(() -> expire(waiter), maxWait.toNanos());
                }
            }
        }
        answer(answers);
    }

    /**
     * Takes off the line the waiters that may go now (into {@code answers}) and arranges to be called again when
     * more may; called with the monitor held, so it must not answer anyone itself.
     */
    protected abstract void serve(Answers answers);

    /** What the store does once the monitor is released after a change of the line; nothing by default. */
    protected void afterAnswering() {
    }

    /** Sends the answers collected under the monitor; call it without holding the monitor. */
    protected final void answer(Answers answers) {
        answers.send(meters, lane.tag(), store);
        afterAnswering();
    }

    protected final RateLimitExceededException exceeded() {
        return new RateLimitExceededException(lane.tag(), Duration.ofSeconds(1));
    }

    private void expire(Waiter waiter) {
        Answers answers = new Answers();
        synchronized (this) {
            if (waiters.remove(waiter)) {
                answers.refuse(waiter, exceeded());
            }
        }
        answer(answers);
    }

    private synchronized void cancel(Waiter waiter) {
        waiters.remove(waiter);
    }
}
