package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.bitgetmargin.bitget.BitgetEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The callers of this instance waiting for permits for one account and endpoint, in order, each refused with
 * {@link RateLimitExceededException} at its deadline. Subclasses decide when the head may go ({@link #serve()}).
 * All state is guarded by the instance's monitor.
 */
abstract class WaitingLine {

    protected final BitgetEndpoint endpoint;
    protected final int limit;
    /** How long an ended call stays counted. */
    protected final long holdNanos;
    protected final Deque<Waiter> waiters = new ArrayDeque<>();
    protected final ScheduledExecutorService timers;
    private final MeterRegistry meters;
    private final RateLimitStore store;

    WaitingLine(BitgetEndpoint endpoint, int limit, Duration hold, ScheduledExecutorService timers, MeterRegistry meters,
            RateLimitStore store) {
        this.endpoint = endpoint;
        this.limit = limit;
        this.holdNanos = hold.toNanos();
        this.timers = timers;
        this.meters = meters;
        this.store = store;
    }

    final void enqueue(UniEmitter<? super Permit> emitter, long sinceNanos, Duration maxWait) {
        Waiter waiter = new Waiter(emitter, sinceNanos);
        synchronized (this) {
            // More waiters than the limit can serve within maxWait: no point in making this one wait.
            long servable = (long) limit * Math.max(1, (maxWait.toNanos() + holdNanos - 1) / holdNanos);
            if (waiters.size() >= servable) {
                reject(waiter);
                return;
            }
            waiters.addLast(waiter);
            emitter.onTermination(() -> cancel(waiter));
            waiter.deadline = timers.schedule(() -> expire(waiter), maxWait.toNanos(), TimeUnit.NANOSECONDS);
            serve();
        }
    }

    /** Lets the head of the line go if it may, now or later; called with the monitor held. */
    protected abstract void serve();

    /** Hands a permit to a waiter already taken off the line. */
    protected final void admit(Waiter waiter, Permit permit) {
        if (waiter.deadline != null) {
            waiter.deadline.cancel(false);
        }
        meters.timer("bitget.margin.limiter.wait", "endpoint", endpoint.tag(), "store", store.tag()).record(permit.waited());
        waiter.emitter.complete(permit);
    }

    private synchronized void expire(Waiter waiter) {
        if (waiters.remove(waiter)) {
            reject(waiter);
        }
    }

    private synchronized void cancel(Waiter waiter) {
        waiters.remove(waiter);
    }

    private void reject(Waiter waiter) {
        meters.counter("bitget.margin.limiter.rejections", "endpoint", endpoint.tag(), "store", store.tag()).increment();
        waiter.emitter.fail(new RateLimitExceededException(endpoint, Duration.ofSeconds(1)));
    }
}
