package io.bitgetmargin.ratelimit;

import java.time.Duration;
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
    protected final FairQueue waiters = new FairQueue();
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

    /**
     * Queues a caller of {@code turn}'s party, unless the line cannot serve it within {@code maxWait}. The line serves
     * about {@code servable} callers in that time; turns go round between the parties waiting, so once the line is
     * full each party may keep its share of it, {@code servable / parties}. Then a caller whose party already has its
     * share is refused at once (its own share is full); one whose party has less is queued all the same, and the
     * newest caller of a party over its share is refused to make room: one party's burst never locks the others out.
     * While the line has room, everyone queues: turns go round whatever each party has queued.
     */
    final void enqueue(UniEmitter<? super Permit> emitter, Turn turn, long sinceNanos, Duration maxWait) {
        Answers answers = new Answers();
        synchronized (this) {
            long servable = (long) limit() * Math.max(1, (maxWait.toNanos() + holdNanos - 1) / holdNanos);
            Waiter waiter = new Waiter(emitter, turn, sinceNanos, servable);
            int waiting = waiters.waitingOf(waiter.party);
            int parties = waiters.parties() + (waiting == 0 ? 1 : 0);
            long share = Math.max(1, servable / parties);
            boolean full = waiters.size() >= servable;
            if (full && waiting >= share) {
                answers.refuse(waiter, exceeded(parties > 1));
            } else {
                Waiter displaced = full ? waiters.newestOverItsShare(parties) : null;
                if (displaced != null) {
                    answers.refuse(displaced, exceeded(true));
                }
                waiters.add(waiter);
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

    /** @param shared whether other parties wait too: then the refused party's own share of the queue was full */
    protected final RateLimitExceededException exceeded(boolean shared) {
        return new RateLimitExceededException(lane.tag(), Duration.ofSeconds(1), shared);
    }

    private void expire(Waiter waiter) {
        Answers answers = new Answers();
        synchronized (this) {
            if (waiters.remove(waiter)) {
                int othersWaiting = waiters.parties() - (waiters.waitingOf(waiter.party) > 0 ? 1 : 0);
                answers.refuse(waiter, exceeded(othersWaiting > 0));
            }
        }
        answer(answers);
    }

    private synchronized void cancel(Waiter waiter) {
        if (waiters.remove(waiter) && waiter.deadline != null) {
            waiter.deadline.cancel(false);
        }
    }
}
