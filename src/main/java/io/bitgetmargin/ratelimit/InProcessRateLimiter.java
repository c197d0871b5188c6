package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>
 * This is the {@code memory} store, and the fallback of the {@code redis} store: its counts hold for this process
 * only. {@link RedisRateLimiter} runs the same algorithm on counts shared by every instance.
 */
public final class InProcessRateLimiter {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    InProcessRateLimiter(RateLimitConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    /**
     * Waits, at most {@code maxWait}, for a permit of {@code lane}. The permit must be released when the call ends,
     * however it ends.
     *
     * @return the permit; fails with {@link RateLimitExceededException} when the wait would exceed {@code maxWait}
     */
    public Uni<Permit> acquire(Lane lane, Duration maxWait) {
        Window window = windows.computeIfAbsent(lane.key(), key -> new Window(lane));
        return Uni.createFrom().emitter(emitter -> window.enqueue(emitter, System.nanoTime(), maxWait));
    }

    /** The permits of one lane. All state is guarded by the instance's monitor. */
    private final class Window extends WaitingLine {
        private int inFlight;
        /** Answer times of ended calls still counted, oldest first. */
        private final Deque<Long> ended = new ArrayDeque<>();
        private boolean wakeUpScheduled;

        Window(Lane lane) {
            super(lane, WINDOW.plus(config.safetyMargin()), meters, RateLimitStore.MEMORY);
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

        private void wakeUp() {
            Answers answers = new Answers();
            synchronized (this) {
                wakeUpScheduled = false;
                grant(System.nanoTime(), answers);
            }
            answer(answers);
        }

        /** Lets as many waiters go as the window allows, and sets a timer for when the next counted call ages out. */
        private void grant(long now, Answers answers) {
            while (!ended.isEmpty() && now - ended.peekFirst() >= holdNanos) {
                ended.removeFirst();
            }
            while (!waiters.isEmpty() && inFlight + ended.size() < limit) {
                Waiter waiter = waiters.removeFirst();
                inFlight++;
                answers.admit(waiter, new OncePermit(waiter.waited(now), this::release));
            }
            if (!waiters.isEmpty() && !ended.isEmpty() && !wakeUpScheduled) {
                wakeUpScheduled = true;
                schedule(this::wakeUp, holdNanos - (now - ended.peekFirst()));
            }
        }
    }
}
