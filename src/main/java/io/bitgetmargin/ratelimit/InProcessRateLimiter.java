package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every {@link Lane} under its rate across all concurrent callers of this instance.
 * <p>
 * Why not a token bucket (Bucket4j, SmallRye {@code @RateLimit})? A limiter that spaces <em>sends</em> cannot bound
 * what the remote side <em>receives</em>: the load run showed calls sent 220 ms apart arriving together after
 * ~350 ms on a cold connection, 7 in one second, and Bitget answering 429. This limiter counts a call from the
 * moment it is sent until one second after its answer (or failure) came back, and lets a new call go only while
 * fewer than {@code perSecond} calls are so counted. That bounds arrivals whatever the latency: a call arrives no
 * later than its answer returns, so if {@code perSecond + 1} calls arrived within one second, each of the first
 * {@code perSecond} was still in flight or answered less than a second before the last one was sent, and the last
 * one would not have been let go. Bursts up to the rate still go out at once.
 * <p>
 * Waiting callers queue in order, hold no thread, and get {@link RateLimitExceededException} once they would wait
 * longer than {@code maxWait} (at once when the queue is already longer than the rate can drain in that time).
 * A lane can be paused ({@link #pause}: Bitget answered 429) and the whole limiter kept quiet for a while
 * ({@link #quietFor}: it has just taken over from Redis); both only make callers wait longer.
 * <p>
 * This is the {@code memory} store, at each lane's full rate, and the fallback of the {@code redis} store, at this
 * instance's share of each rate ({@code limitOf}). As the fallback it also {@linkplain #track counts} the calls
 * Redis admitted for this instance, so that it starts out knowing them. {@link RedisRateLimiter} runs the same
 * algorithm on counts shared by every instance.
 */
public final class InProcessRateLimiter {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final IntUnaryOperator limitOf;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Nothing is admitted before this {@link System#nanoTime()}. */
    private volatile long quietUntilNanos = System.nanoTime();

    /** A limiter at each lane's full rate: the {@code memory} store. */
    InProcessRateLimiter(RateLimitConfig config, MeterRegistry meters) {
        this(config, meters, IntUnaryOperator.identity());
    }

    /** @param limitOf how many calls per second of a lane this limiter admits, given the lane's rate; at least 1 */
    InProcessRateLimiter(RateLimitConfig config, MeterRegistry meters, IntUnaryOperator limitOf) {
        this.config = config;
        this.meters = meters;
        this.limitOf = limitOf;
    }

    /** {@link #acquire(Lane, Duration, Turn)} for a caller that releases the permit itself. */
    Uni<Permit> acquire(Lane lane, Duration maxWait) {
        return acquire(lane, maxWait, new Turn());
    }

    /**
     * Waits, at most {@code maxWait}, for a permit of {@code lane}, handed to {@code turn} before it is emitted.
     *
     * @return the permit; fails with {@link RateLimitExceededException} when the wait would exceed {@code maxWait}
     */
    Uni<Permit> acquire(Lane lane, Duration maxWait, Turn turn) {
        Window window = window(lane);
        return Uni.createFrom().emitter(emitter -> window.enqueue(emitter, turn, System.nanoTime(), maxWait));
    }

    /**
     * Counts a call that another store admitted, without asking: it holds a place in the lane until a second after
     * its permit is released, as if this limiter had let it go.
     */
    Permit track(Lane lane) {
        Window window = window(lane);
        synchronized (window) {
            window.inFlight++;
        }
        return new OncePermit(Duration.ZERO, window::release);
    }

    /** Admits nothing in {@code lane} for {@code time} from now (longer pauses already set stay). */
    void pause(Lane lane, Duration time) {
        window(lane).pauseUntil(System.nanoTime() + time.toNanos());
    }

    /** Admits nothing in any lane for {@code time} from now. */
    void quietFor(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        if (until - quietUntilNanos > 0) {
            quietUntilNanos = until;
        }
    }

    /** The calls of a lane in flight here now (admitted or tracked, not yet released), for tests. */
    int inFlight(String laneKey) {
        Window window = windows.get(laneKey);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            return window.inFlight;
        }
    }

    private Window window(Lane lane) {
        return windows.computeIfAbsent(lane.key(), key -> new Window(lane));
    }

    /** The permits of one lane. All state is guarded by the instance's monitor. */
    private final class Window extends WaitingLine {
        private int inFlight;
        /** Answer times of ended calls still counted, oldest first. */
        private final Deque<Long> ended = new ArrayDeque<>();
        private long pausedUntilNanos = System.nanoTime();
        private boolean wakeUpScheduled;

        Window(Lane lane) {
            super(lane, WINDOW.plus(config.safetyMargin()), meters, RateLimitStore.MEMORY);
        }

        @Override
        protected int limit() {
            return Math.max(1, limitOf.applyAsInt(lane.perSecond()));
        }

        @Override
        protected void serve(Answers answers) {
            grant(System.nanoTime(), answers);
        }

        void release() {
            Answers answers = new Answers();
            synchronized (this) {
                inFlight--;
                ended.addLast(System.nanoTime());
                grant(System.nanoTime(), answers);
            }
            answer(answers);
        }

        void pauseUntil(long untilNanos) {
            Answers answers = new Answers();
            synchronized (this) {
                if (untilNanos - pausedUntilNanos > 0) {
                    pausedUntilNanos = untilNanos;
                }
                grant(System.nanoTime(), answers);
            }
            answer(answers);
        }

        private void wakeUp() {
            Answers answers = new Answers();
            synchronized (this) {
                wakeUpScheduled = false;
                grant(System.nanoTime(), answers);
            }
            answer(answers);
        }

        /**
         * Lets as many waiters go as the window allows, and sets a timer for when the next may: when the pause or the
         * quiet ends, or when the next counted call ages out.
         */
        private void grant(long now, Answers answers) {
            while (!ended.isEmpty() && now - ended.peekFirst() >= holdNanos) {
                ended.removeFirst();
            }
            long blockedUntil = quietUntilNanos - pausedUntilNanos > 0 ? quietUntilNanos : pausedUntilNanos;
            if (blockedUntil - now > 0) {
                if (!waiters.isEmpty()) {
                    wakeUpIn(blockedUntil - now);
                }
                return;
            }
            int limit = limit();
            while (!waiters.isEmpty() && inFlight + ended.size() < limit) {
                Waiter waiter = waiters.next();
                inFlight++;
                answers.admit(waiter, new OncePermit(waiter.waited(now), this::release));
            }
            if (!waiters.isEmpty() && !ended.isEmpty()) {
                wakeUpIn(holdNanos - (now - ended.peekFirst()));
            }
        }

        private void wakeUpIn(long nanos) {
            // A wake-up already set is never later than needed: pauses and ages only move the next chance later.
            if (!wakeUpScheduled) {
                wakeUpScheduled = true;
                schedule(this::wakeUp, nanos);
            }
        }
    }
}
