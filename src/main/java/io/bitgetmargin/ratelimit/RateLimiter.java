package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Limits string keys at integer rates ({@link Lane}) across all concurrent callers: of this instance with the
 * {@code memory} store, of every instance sharing one Redis with the {@code redis} store. It knows nothing of what
 * the keys stand for; whoever calls it chooses keys and rates.
 * <p>
 * With {@code redis}, an error from Redis (a refused connection, say) or {@value RedisRateLimiter#TIMEOUTS_BEFORE_FALLBACK}
 * limiter commands in a row without an answer in time switch this instance to its in-process limiter: the callers
 * queued at that moment move over with the wait they have left, so nobody is lost and nobody hangs. One warning is
 * logged, readiness and the {@code bitget_margin_limiter_store_degraded} gauge show the fallback, and a check every
 * {@code recheck-interval} switches back once Redis answers again. While degraded, each instance counts alone, so
 * several instances together can exceed a lane's rate; the caller's retries must cope with that.
 * <p>
 * Created at start-up (it observes {@link StartupEvent}), so that {@code store=redis} without a Redis configured
 * stops the start with a clear message; the constructor itself does no I/O, the Redis warm-up happens in the
 * start-up observer.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** What readiness reports about the store; {@code degradedSince} is null unless limiting has fallen back. */
    public record StoreStatus(RateLimitStore configured, Instant degradedSince) {

        public String describe() {
            return degradedSince != null
                    ? "memory (fallback: redis unreachable since " + degradedSince + ", rechecked periodically)"
                    : configured.tag();
        }
    }

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final InProcessRateLimiter inProcess;
    private final RedisRateLimiter redis;
    /** When this instance fell back to in-process limiting; null while Redis (or memory by choice) is in use. */
    private final AtomicReference<Instant> degradedSince = new AtomicReference<>();

    RateLimiter(RateLimitConfig config, MeterRegistry meters, InjectableInstance<Redis> redisClient) {
        this.config = config;
        this.meters = meters;
        this.inProcess = new InProcessRateLimiter(config, meters);
        if (config.store() == RateLimitStore.MEMORY) {
            this.redis = null;
        } else {
            // The Redis client is only looked up with the redis store: without quarkus.redis.hosts it is inactive.
            if (!redisClient.getHandle().getBean().isActive()) {
                throw new ConfigurationException("bitget-margin.rate-limit.store=redis needs a Redis: set QUARKUS_REDIS_HOSTS"
                        + " (for example redis://redis:6379), or BITGET_MARGIN_RATE_LIMIT_STORE=memory for one instance");
            }
            this.redis = new RedisRateLimiter(redisClient.get(), config, meters);
        }
        // Quarkus's registry outlives an application restarted in the same JVM (dev-mode reloads, test profiles),
        // and a gauge already registered under this name, bound to the last application's limiter, would win.
        meters.find("bitget.margin.limiter.store.degraded").meters().forEach(meters::remove);
        Gauge.builder("bitget.margin.limiter.store.degraded", degradedSince, since -> since.get() == null ? 0 : 1)
                .strongReference(true).register(meters);
    }

    /**
     * Connects to Redis and loads the scripts, without waiting: an unreachable Redis at start-up is a fallback like
     * any other, not a failed start. A slow start-up is not an outage (acquisitions judge that for themselves); an
     * error such as a refused connection is.
     */
    void prepareRedis(@Observes StartupEvent start) {
        if (redis == null) {
            return;
        }
        redis.prepare().subscribe().with(ready -> LOG.debug("Redis rate-limit store ready"), failure -> {
            if (failure instanceof RateLimitStoreUnavailableException.TimedOut) {
                LOG.debugf("Redis rate-limit store not prepared yet: %s", failure.getMessage());
            } else {
                fellBack(failure);
            }
        });
    }

    /**
     * Waits for a permit of {@code lane}, at most {@code maxWait} (null: the configured maximum). The permit must be
     * released when the call ends, however it ends.
     *
     * @return the permit; fails with {@link RateLimitExceededException} when the wait would exceed the maximum
     */
    public Uni<Permit> acquire(Lane lane, Duration maxWait) {
        Duration wait = maxWait == null ? config.maxWait() : maxWait;
        if (redis == null || degradedSince.get() != null) {
            return inProcess.acquire(lane, wait);
        }
        long start = System.nanoTime();
        return redis.acquire(lane, wait)
                .onFailure(RateLimitStoreUnavailableException.class).recoverWithUni(failure -> {
                    fellBack(failure);
                    Duration left = wait.minusNanos(System.nanoTime() - start);
                    return inProcess.acquire(lane, left.isNegative() ? Duration.ZERO : left);
                });
    }

    /** The longest a caller queues for a turn unless it says otherwise. */
    public Duration maxWait() {
        return config.maxWait();
    }

    public StoreStatus status() {
        return new StoreStatus(config.store(), degradedSince.get());
    }

    /** While degraded, asks Redis whether it is back; never more than one check at a time. */
    @Scheduled(every = "${bitget-margin.rate-limit.redis.recheck-interval:2s}", identity = "rate-limit-store-recheck",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recheckRedis() {
        if (redis == null || degradedSince.get() == null) {
            return Uni.createFrom().voidItem();
        }
        return redis.ping()
                .invoke(() -> {
                    if (degradedSince.getAndSet(null) != null) {
                        LOG.info("Redis rate-limit store is back: limiting through Redis again");
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void fellBack(Throwable failure) {
        if (degradedSince.compareAndSet(null, Instant.now())) {
            meters.counter("bitget.margin.limiter.store.fallbacks").increment();
            LOG.warnf("Redis rate-limit store unavailable (%s): limiting in this instance only until Redis answers"
                    + " again, checked every %d ms", failure.getMessage(), config.redis().recheckInterval().toMillis());
        }
    }
}
