package io.bitgetmargin.margin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetEndpoint;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every Bitget account under Bitget's per-endpoint limits, across all concurrent callers of this instance.
 * <p>
 * One Bucket4j token bucket per account and endpoint, holding a single token refilled every
 * {@code 1 s / limit + safetyMargin}: calls of one account are spaced so that no 1 s window, wherever it starts,
 * holds more than {@code limit} of them (a bucket of {@code limit} tokens would let 2 × limit through around a
 * refill). A call waits for its turn without holding a thread: the bucket reserves the turn and a scheduler
 * completes the wait. A turn further away than {@code maxWait} is refused at once with
 * {@link RateLimitExceededException}.
 */
@ApplicationScoped
public class AccountRateLimiter {

    private record Key(String account, BitgetEndpoint endpoint) {
    }

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bitget-rate-limiter");
        thread.setDaemon(true);
        return thread;
    });

    AccountRateLimiter(RateLimitConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    /**
     * Waits for the account's next turn on the endpoint.
     *
     * @return how long the call waited; fails with {@link RateLimitExceededException} when the turn is too far away
     */
    public Uni<Duration> acquire(String account, BitgetEndpoint endpoint) {
        Bucket bucket = buckets.computeIfAbsent(new Key(account == null ? "" : account, endpoint), this::newBucket);
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return Uni.createFrom().completionStage(bucket.asScheduler().tryConsume(1, config.maxWait(), scheduler))
                    .map(granted -> {
                        if (!granted) {
                            meters.counter("bitget.margin.limiter.rejections", "endpoint", endpoint.tag()).increment();
                            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
                            throw new RateLimitExceededException(endpoint,
                                    Duration.ofSeconds(Math.max(1, (nanos - config.maxWait().toNanos() + 999_999_999L) / 1_000_000_000L)));
                        }
                        Duration waited = Duration.ofNanos(System.nanoTime() - start);
                        meters.timer("bitget.margin.limiter.wait", "endpoint", endpoint.tag()).record(waited);
                        return waited;
                    });
        });
    }

    /** The spacing between two calls of one account on an endpoint. */
    public Duration spacing(BitgetEndpoint endpoint) {
        int perSecond = endpoint == BitgetEndpoint.SET_MARGIN_MODE ? config.setMarginModePerSecond()
                : config.accountReadsPerSecond();
        return Duration.ofNanos(1_000_000_000L / perSecond).plus(config.safetyMargin());
    }

    private Bucket newBucket(Key key) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, spacing(key.endpoint())).build())
                .build();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
