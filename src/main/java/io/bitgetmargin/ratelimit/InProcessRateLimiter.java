package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.BitgetEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every Bitget account under Bitget's per-endpoint limits (5 set-margin-mode calls and 10 account reads in
 * any second), across all concurrent callers of this instance.
 * <p>
 * Why not a token bucket (Bucket4j, SmallRye {@code @RateLimit})? A limiter that spaces <em>sends</em> cannot bound
 * what Bitget <em>receives</em>: the load run showed calls sent 220 ms apart arriving together after ~350 ms on a
 * cold connection, 7 in one second, and Bitget answering 429. This limiter counts a call from the moment it is
 * sent until one second after its answer (or failure) came back, and lets a new call go only while fewer than
 * {@code limit} calls are so counted. That bounds arrivals whatever the latency: a call arrives at Bitget no
 * later than its answer returns, so if {@code limit + 1} calls arrived within one second, each of the first
 * {@code limit} was still in flight or answered less than a second before the last one was sent, and the last one
 * would not have been let go. Bursts up to the limit still go out at once.
 * <p>
 * Waiting callers queue in order, hold no thread, and get {@link RateLimitExceededException} once they would wait
 * longer than {@code maxWait} (at once when the queue is already longer than the limit can drain in that time).
 * <p>
 * This is the {@code memory} store, and the fallback of the {@code redis} store: its counts hold for this process
 * only. {@link RedisRateLimiter} runs the same algorithm on counts shared by every instance.
 */
public final class InProcessRateLimiter implements AutoCloseable {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private record Key(String account, BitgetEndpoint endpoint) {
    }

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bitget-rate-limiter");
        thread.setDaemon(true);
        return thread;
    });

    InProcessRateLimiter(RateLimitConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    /**
     * Waits for a permit to call {@code endpoint} for {@code account}, at most {@code maxWait} (null: the configured
     * maximum). The permit must be released when the call ends, however it ends.
     *
     * @return the permit; fails with {@link RateLimitExceededException} when the wait would exceed the maximum
     */
    public Uni<Permit> acquire(String account, BitgetEndpoint endpoint, Duration maxWait) {
        Window window = windows.computeIfAbsent(new Key(BitgetAccounts.nameOf(account), endpoint),
                key -> new Window(endpoint, limit(endpoint)));
        Duration wait = maxWait == null ? config.maxWait() : maxWait;
        return Uni.createFrom().emitter(emitter -> window.enqueue(emitter, System.nanoTime(), wait));
    }

    private int limit(BitgetEndpoint endpoint) {
        return config.limit(endpoint);
    }

    /** The permits of one account on one endpoint. All state is guarded by the instance's monitor. */
    private final class Window extends WaitingLine {
        private int inFlight;
        /** Answer times of ended calls still counted, oldest first. */
        private final Deque<Long> ended = new ArrayDeque<>();
        private boolean wakeUpScheduled;

        Window(BitgetEndpoint endpoint, int limit) {
            super(endpoint, limit, WINDOW.plus(config.safetyMargin()), InProcessRateLimiter.this.timers, meters,
                    RateLimitStore.MEMORY);
        }

        @Override
        protected void serve() {
            grant(System.nanoTime());
        }

        synchronized void release() {
            inFlight--;
            ended.addLast(System.nanoTime());
            grant(System.nanoTime());
        }

        private synchronized void wakeUp() {
            wakeUpScheduled = false;
            grant(System.nanoTime());
        }

        /** Lets as many waiters go as the window allows, and sets a timer for when the next counted call ages out. */
        private void grant(long now) {
            while (!ended.isEmpty() && now - ended.peekFirst() >= holdNanos) {
                ended.removeFirst();
            }
            while (!waiters.isEmpty() && inFlight + ended.size() < limit) {
                Waiter waiter = waiters.removeFirst();
                inFlight++;
                admit(waiter, new OncePermit(waiter.waited(now), this::release));
            }
            if (!waiters.isEmpty() && !ended.isEmpty() && !wakeUpScheduled) {
                wakeUpScheduled = true;
                timers.schedule(this::wakeUp, holdNanos - (now - ended.peekFirst()), TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
