package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Limits string keys at integer rates ({@link Lane}) across all concurrent callers: of this instance with the
 * {@code memory} store, of every instance sharing one Redis with the {@code redis} store. It knows nothing of what
 * the keys stand for; whoever calls it chooses keys and rates. A call runs {@linkplain #withTurn with a turn}, which
 * comes back to the lane however the call ends, its caller's hanging up included.
 * <p>
 * With {@code redis}, every instance announces itself in Redis every {@code heartbeat-interval}, so each knows how
 * many share the limits. An error from Redis (a refused connection, say) or
 * {@value RedisRateLimiter#TIMEOUTS_BEFORE_FALLBACK} limiter commands in a row without an answer in time make this
 * instance <b>degraded</b>: it limits itself, in process, to its share of every lane, {@code max(1, floor(limit /
 * instances))}, with the last count it saw (or {@code bitget-margin.rate-limit.redis.instances} if it never saw
 * Redis), so that the instances together stay within the limit. The callers queued at that moment move over with
 * the wait they have left, so nobody is lost and nobody hangs. Its in-process counts already hold its own calls that
 * Redis admitted (they are {@linkplain InProcessRateLimiter#track tracked} all along), and it admits nothing for one
 * window after the loss, while the calls other instances were admitted just before it may still be arriving.
 * <p>
 * When an announcement succeeds again, the instance is <b>returning</b>: each call must be admitted by Redis and by
 * its share, for two heartbeat intervals and one window, long enough for every other instance to have noticed Redis
 * too and to count there; only then do the shared counts alone decide again. Meanwhile the count of instances only
 * grows (a Redis restarted empty has not heard from the others yet). One warning is logged, and readiness and
 * the {@code bitget_margin_limiter_store_degraded} and {@code bitget_margin_limiter_share} gauges show the state and
 * the share in use.
 * <p>
 * Created at start-up (it observes {@link StartupEvent}), so that {@code store=redis} without a Redis configured
 * stops the start with a clear message; the constructor itself does no I/O, the Redis warm-up happens in the
 * start-up observer.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** How this instance limits with the {@code redis} store. */
    enum Mode {
        /** Redis alone decides. */
        SHARED,
        /** Redis is lost: this instance's share, in process. */
        DEGRADED,
        /** Redis is back: Redis and this instance's share, until every instance can have come back. */
        RETURNING
    }

    /**
     * What readiness reports about the store; {@code degradedSince} is null unless this instance limits itself to its
     * share, {@code instances} is how many instances that share is computed for.
     */
    public record StoreStatus(RateLimitStore configured, Mode mode, Instant degradedSince, int instances,
            boolean instancesSeen) {

        public String describe() {
            if (configured == RateLimitStore.MEMORY || mode == Mode.SHARED) {
                return configured.tag();
            }
            return mode == Mode.DEGRADED
                    ? "memory (fallback: redis unreachable since " + degradedSince + ", rechecked periodically)"
                    : "redis (returning: back after an outage since " + degradedSince + ", still within this instance's "
                            + "share until every instance counts in Redis again)";
        }

        /** The part of each lane's limit this instance uses on its own. */
        public String share() {
            if (configured == RateLimitStore.MEMORY) {
                return "whole limit of each lane (memory store: this instance alone)";
            }
            String count = instances + (instances == 1 ? " instance" : " instances")
                    + (instancesSeen ? " seen in redis" : " (bitget-margin.rate-limit.redis.instances; redis never seen)");
            return mode == Mode.SHARED ? "whole limit of each lane, shared through redis by " + count
                    : "max(1, floor(limit / " + instances + ")) of each lane: " + count;
        }
    }

    private final RateLimitConfig config;
    private final MeterRegistry meters;
    /** The {@code memory} store; with {@code redis}, this instance's share when Redis is lost. */
    private final InProcessRateLimiter inProcess;
    private final RedisRateLimiter redis;
    private final Duration hold;
    private volatile Mode mode = Mode.SHARED;
    /** When this instance lost Redis, until the shared counts decide alone again; null otherwise. */
    private final AtomicReference<Instant> degradedSince = new AtomicReference<>();
    private volatile long returningUntilNanos;
    /** Heartbeats in a row that Redis left unanswered, after which it is lost (as acquisitions judge, three). */
    private static final int UNANSWERED_HEARTBEATS = 3;
    private final AtomicInteger unansweredHeartbeats = new AtomicInteger();

    /** How many instances Redis last counted; 0 until the first announcement succeeded. */
    private volatile int instancesSeen;

    RateLimiter(RateLimitConfig config, MeterRegistry meters, InjectableInstance<Redis> redisClient) {
        this.config = config;
        this.meters = meters;
        this.hold = Duration.ofSeconds(1).plus(config.safetyMargin());
        if (config.store() == RateLimitStore.MEMORY) {
            this.inProcess = new InProcessRateLimiter(config, meters);
            this.redis = null;
        } else {
            // The Redis client is only looked up with the redis store: without quarkus.redis.hosts it is inactive.
            if (!redisClient.getHandle().getBean().isActive()) {
                throw new ConfigurationException("bitget-margin.rate-limit.store=redis needs a Redis: set QUARKUS_REDIS_HOSTS"
                        + " (for example redis://redis:6379), or BITGET_MARGIN_RATE_LIMIT_STORE=memory for one instance");
            }
            if (config.redis().instances() < 1) {
                throw new ConfigurationException("bitget-margin.rate-limit.redis.instances must be at least 1, not "
                        + config.redis().instances() + ": the most instances that share the limits");
            }
            this.inProcess = new InProcessRateLimiter(config, meters, perSecond -> perSecond / instances());
            // Redis's admissions count in this instance's share too, except while returning: the share admitted them.
            this.redis = new RedisRateLimiter(redisClient.get(), config, meters,
                    lane -> mode == Mode.SHARED ? inProcess.track(lane) : Permits.NONE);
        }
        // Quarkus's registry outlives an application restarted in the same JVM (dev-mode reloads, test profiles),
        // and a gauge already registered under this name, bound to the last application's limiter, would win.
        replaceGauge("bitget.margin.limiter.store.degraded", this, limiter -> limiter.degradedSince.get() == null ? 0 : 1);
        replaceGauge("bitget.margin.limiter.share", this, limiter -> limiter.redis == null || limiter.mode == Mode.SHARED
                ? 1 : 1.0 / limiter.instances());
    }

    private void replaceGauge(String name, RateLimiter limiter, java.util.function.ToDoubleFunction<RateLimiter> value) {
        meters.find(name).meters().forEach(meters::remove);
        Gauge.builder(name, limiter, value).strongReference(true).register(meters);
    }

    /**
     * Connects to Redis, loads the scripts and announces this instance, without waiting, then keeps announcing it
     * every {@code heartbeat-interval}. An unreachable Redis at start-up is a fallback like any other, not a failed
     * start. A slow start-up is not an outage (acquisitions judge that for themselves); an error such as a refused
     * connection is.
     */
    void prepareRedis(@Observes StartupEvent start, Scheduler scheduler) {
        if (redis == null) {
            return;
        }
        redis.prepare().chain(() -> heartbeat()).subscribe().with(ready -> LOG.debug("Redis rate-limit store ready"),
                failure -> {
                    if (failure instanceof RateLimitStoreUnavailableException.TimedOut) {
                        LOG.debugf("Redis rate-limit store not prepared yet: %s", failure.getMessage());
                    } else {
                        fellBack(failure);
                    }
                });
        scheduler.newJob("rate-limit-heartbeat")
                .setInterval(config.redis().heartbeatInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> heartbeat().onFailure().recoverWithNull().replaceWithVoid())
                .schedule();
    }

    /** A stopping instance leaves the count at once, rather than when its announcement runs out. */
    void withdraw(@Observes ShutdownEvent stop) {
        if (redis != null && mode != Mode.DEGRADED) {
            redis.withdraw().onFailure().recoverWithNull().await().atMost(config.redis().commandTimeout().multipliedBy(2));
        }
    }

    /**
     * Runs {@code call} with a turn of {@code lane}, after waiting for it at most {@code maxWait} (null: the configured
     * maximum). The turn goes back to the lane when {@code call}'s {@code Uni} ends, however it ends: with an item, a
     * failure, or cancelled at any moment, even while the turn was being granted. {@code call} may release the permit
     * sooner, when its request to Bitget has been answered.
     *
     * @return what {@code call} answers; fails with {@link RateLimitExceededException} when the wait would exceed the
     *         maximum
     */
    public <T> Uni<T> withTurn(Lane lane, Duration maxWait, Function<Permit, Uni<T>> call) {
        return withTurn(lane, Turn.NOBODY, maxWait, Uni.createFrom().nothing(), call);
    }

    /**
     * {@link #withTurn(Lane, Duration, Function)} for {@code party}, giving up the wait when {@code giveUp} fails before
     * the turn is granted: the caller leaves the queue, and the call fails with {@code giveUp}'s failure. Its items
     * are ignored. {@code party} is an opaque key, whose callers take turns round with other parties' in each lane,
     * each party queueing at most its share ({@link FairQueue}); null or empty: nobody in particular.
     */
    public <T> Uni<T> withTurn(Lane lane, String party, Duration maxWait, Uni<?> giveUp, Function<Permit, Uni<T>> call) {
        Duration wait = maxWait == null ? config.maxWait() : maxWait;
        Uni<Permit> stopWaiting = giveUp.onItem().transformToUni(ignored -> Uni.createFrom().nothing());
        return Uni.createFrom().deferred(() -> {
            if (redis == null) {
                return Turn.taking(inProcess::acquire, lane, party, wait, stopWaiting, call);
            }
            long start = System.nanoTime();
            return switch (mode()) {
                case SHARED -> Turn.taking(this::redisElseShare, lane, party, wait, stopWaiting,
                        permit -> permit instanceof ShareOnly share
                                ? alsoInRedisIfBack(share, lane, party, wait, start, stopWaiting, call) : call.apply(permit));
                case DEGRADED -> Turn.taking(inProcess::acquire, lane, party, wait, stopWaiting,
                        share -> alsoInRedisIfBack(share, lane, party, wait, start, stopWaiting, call));
                case RETURNING -> Turn.taking(inProcess::acquire, lane, party, wait, stopWaiting, share -> Turn.taking(
                        this::redisIfReachable, lane, party, left(wait, start), stopWaiting,
                        shared -> call.apply(Permits.both(share, shared))));
            };
        });
    }

    /**
     * A turn of this instance's share, granted while Redis was lost: should Redis be back by now, the other instances
     * count there again, and the call must be counted there too before it goes (it was granted at the end of the quiet
     * second, say, and Redis came back within it).
     */
    private <T> Uni<T> alsoInRedisIfBack(Permit share, Lane lane, String party, Duration wait, long start,
            Uni<Permit> stopWaiting, Function<Permit, Uni<T>> call) {
        if (mode() == Mode.DEGRADED) {
            return call.apply(share);
        }
        return Turn.taking(this::redisIfReachable, lane, party, left(wait, start), stopWaiting,
                shared -> call.apply(Permits.both(share, shared)));
    }

    /**
     * Bitget answered 429 on {@code lane}: no caller of it (of any instance, while Redis is reachable) is let go for
     * {@code time}. One caller meeting 429 means every caller of that account and endpoint would.
     */
    public void slowDown(Lane lane, Duration time) {
        meters.counter("bitget.margin.limiter.pauses", "endpoint", lane.tag()).increment();
        inProcess.pause(lane, time);
        if (redis != null && mode != Mode.DEGRADED) {
            redis.pause(lane, time).subscribe().with(paused -> {
            }, failure -> LOG.debugf("could not pause a lane in Redis: %s", failure.getMessage()));
        }
    }

    /** The longest a caller queues for a turn unless it says otherwise. */
    public Duration maxWait() {
        return config.maxWait();
    }

    public StoreStatus status() {
        return new StoreStatus(config.store(), redis == null ? Mode.SHARED : mode(), degradedSince.get(), instances(),
                instancesSeen > 0);
    }

    /** How many instances share the limits, for this instance's share: as Redis last counted them, or as configured. */
    int instances() {
        if (redis == null) {
            return 1;
        }
        int seen = instancesSeen;
        return seen > 0 ? seen : config.redis().instances();
    }

    /** A turn from Redis; should Redis be lost while asking, a turn of this instance's share within the wait left. */
    private Uni<Permit> redisElseShare(Lane lane, Duration wait, Turn turn) {
        long start = System.nanoTime();
        return redis.acquire(lane, wait, turn)
                .onFailure(RateLimitStoreUnavailableException.class).recoverWithUni(failure -> {
                    fellBack(failure);
                    return inProcess.acquire(lane, left(wait, start), turn).map(ShareOnly::new);
                });
    }

    /** A turn that only this instance's share granted, Redis being lost when it was asked. */
    private record ShareOnly(Permit local) implements Permit {
        @Override
        public Duration waited() {
            return local.waited();
        }

        @Override
        public void release() {
            local.release();
        }
    }

    /** A turn from Redis, or none at all should Redis be lost again: the share already admitted the call. */
    private Uni<Permit> redisIfReachable(Lane lane, Duration wait, Turn turn) {
        return redis.acquire(lane, wait, turn).onFailure(RateLimitStoreUnavailableException.class).recoverWithItem(failure -> {
            fellBack(failure);
            return Permits.NONE;
        });
    }

    private static Duration left(Duration wait, long sinceNanos) {
        Duration left = wait.minusNanos(System.nanoTime() - sinceNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The mode, moving from returning to shared once the time for every instance to come back has passed. */
    private Mode mode() {
        Mode current = mode;
        if (current == Mode.RETURNING && System.nanoTime() - returningUntilNanos >= 0) {
            synchronized (this) {
                if (mode == Mode.RETURNING && System.nanoTime() - returningUntilNanos >= 0) {
                    mode = Mode.SHARED;
                    degradedSince.set(null);
                    LOG.info("Redis rate-limit store: every instance has had time to come back; the shared counts alone"
                            + " decide again");
                }
                return mode;
            }
        }
        return current;
    }

    /**
     * Announces this instance and learns how many there are; an answer after an outage starts the return. An error
     * other than a timeout (a refused connection) is an outage; so are {@value #UNANSWERED_HEARTBEATS} timeouts in a
     * row (a Redis that stalls), which an idle instance would otherwise never notice. One timeout alone may be a pause
     * of a busy host.
     */
    Uni<Integer> heartbeat() {
        Duration interval = config.redis().heartbeatInterval();
        return redis.announce(interval.multipliedBy(3)).invoke(instances -> {
            unansweredHeartbeats.set(0);
            announced(instances);
        }).onFailure().invoke(failure -> {
            boolean timedOut = failure instanceof RateLimitStoreUnavailableException.TimedOut;
            if (!timedOut || unansweredHeartbeats.incrementAndGet() >= UNANSWERED_HEARTBEATS || mode() == Mode.RETURNING) {
                fellBack(failure);
            }
        });
    }

    private synchronized void announced(int instances) {
        // Coming back, the count may be short: a Redis restarted empty knows only the instances that announced since,
        // and a share computed from it would let this instance use the others' part of the limit while they still
        // limit themselves in process. Until every instance has had time to announce again, the count only grows.
        instancesSeen = mode == Mode.SHARED ? instances : Math.max(instances(), instances);
        if (mode == Mode.DEGRADED) {
            mode = Mode.RETURNING;
            Duration grace = config.redis().heartbeatInterval().multipliedBy(2).plus(hold);
            returningUntilNanos = System.nanoTime() + grace.toNanos();
            LOG.infof("Redis rate-limit store is back (%d %s seen there now): counting through Redis again, and"
                    + " within this instance's share, 1/%d, for %d ms more, until every instance counts there", instances,
                    instances == 1 ? "instance" : "instances", instances(), grace.toMillis());
        }
    }

    private synchronized void fellBack(Throwable failure) {
        if (mode == Mode.DEGRADED) {
            return;
        }
        boolean wasShared = mode == Mode.SHARED;
        mode = Mode.DEGRADED;
        // Calls other instances were admitted just before the loss may still be on their way to Bitget; this
        // instance's own are counted in its share already (Redis's admissions are tracked there). Alone, no wait.
        if (instances() > 1) {
            inProcess.quietFor(hold);
        }
        degradedSince.compareAndSet(null, Instant.now());
        if (wasShared) {
            meters.counter("bitget.margin.limiter.store.fallbacks").increment();
            LOG.warnf("Redis rate-limit store unavailable (%s): limiting in this instance to its share of each lane,"
                    + " 1/%d (%s), until Redis answers again, checked every %d ms", failure.getMessage(), instances(),
                    instancesSeen > 0 ? "instances last seen in Redis" : "bitget-margin.rate-limit.redis.instances",
                    config.redis().heartbeatInterval().toMillis());
        } else {
            LOG.warnf("Redis rate-limit store lost again while coming back (%s): limiting in this instance only",
                    failure.getMessage());
        }
    }
}
