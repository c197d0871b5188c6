package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The {@link InProcessRateLimiter}'s algorithm on counts kept in Redis, so that every instance sharing the Redis
 * shares each lane's budget.
 * <p>
 * Why our own Lua script rather than a library? Bucket4j's Redis integrations need Lettuce, Jedis or Redisson
 * next to the Quarkus Redis client (a second connection pool, and native-image configuration of their own), and
 * they offer token buckets, which space sends: the resilience issue's load run showed that this cannot bound what
 * Bitget receives. The script below is a few lines and runs on the Quarkus client already configured.
 * <p>
 * Per lane, one sorted set holds the calls that are counted, scored by the time they stop being
 * counted: a call in flight until {@code now + lease} (a bound on its duration, should its instance never report
 * the end), a call that has ended until one second (plus the safety margin) after its end. Acquiring drops the
 * members whose time has passed and adds one if fewer than the limit remain; releasing re-scores the member to
 * {@code now + hold}. Each is one script, so Redis runs it atomically: no instance can read a count that another is
 * about to change. A lane is paused for every instance by a member named {@code paused}, scored by the end of the
 * pause, which is never counted as a call (calls' members are an instance id and a number).
 * <p>
 * Every instance also announces itself in one more sorted set, {@code <prefix>:instances}, scored by the end of its
 * announcement: one key whose count is exact and atomic, where a key per instance would need a {@code SCAN} of the
 * whole keyspace to count. {@link RateLimiter} divides the limits by that count should Redis be lost.
 * <p>
 * Time comes from Redis ({@code TIME}) inside the scripts, never from the instances. Instances on different hosts
 * disagree about the time by milliseconds to seconds, which is the size of the window itself; one clock shared by
 * every acquisition and release makes those differences irrelevant. Redis runs scripts with effect replication,
 * so reading {@code TIME} in a script that writes is allowed (Redis 5 and later).
 * <p>
 * Waiting callers of one instance queue in order here; only the head of a queue asks Redis, when Redis says the
 * next slot frees. A command without an answer in time is asked again at once: a pause of a busy host or of Redis
 * is not an outage, and callers handed to the in-process limiter are not counted in Redis, so a needless fallback
 * lets too many calls through. After {@value #TIMEOUTS_BEFORE_FALLBACK} timeouts in a row, or at once on any error
 * such as a refused connection, every waiter of the queue fails with
 * {@link RateLimitStoreUnavailableException}, for {@link RateLimiter} to hand them to the in-process limiter.
 */
final class RedisRateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);

    /**
     * KEYS[1]: the lane's set. ARGV: limit, lease (ms), hold (ms), member. Answers
     * {1, 0} when admitted, or {0, ms until the earliest counted call stops being counted, at most hold}: a call in
     * flight stays counted for at least hold after it ends, so no slot can free sooner than that. Asking again for
     * a member that is already counted answers {1, 0} without counting it twice: a retry after a timeout, whose
     * first attempt Redis may have run after all, costs no second slot. While the lane is paused it answers
     * {0, ms until the pause ends}.
     */
    static final String ACQUIRE = """
            local now_parts = redis.call('TIME')
            local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
            local limit, lease, hold = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZSCORE', KEYS[1], ARGV[4]) then
              return {1, 0}
            end
            local paused = redis.call('ZSCORE', KEYS[1], 'paused')
            if paused then
              return {0, math.max(1, tonumber(paused) - now)}
            end
            if redis.call('ZCARD', KEYS[1]) < limit then
              redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], lease + hold)
              return {1, 0}
            end
            local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if earliest[2] == nil then
              return {0, hold}
            end
            return {0, math.max(1, math.min(tonumber(earliest[2]) - now, hold))}
            """;

    /**
     * KEYS[1]: as above. ARGV: hold (ms), member. Counts the member for hold from now, if it is still counted (XX:
     * a member dropped after its lease is not brought back); keeps the set alive at least that long.
     */
    static final String RELEASE = """
            local now_parts = redis.call('TIME')
            local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
            local hold = tonumber(ARGV[1])
            redis.call('ZADD', KEYS[1], 'XX', now + hold, ARGV[2])
            if redis.call('PTTL', KEYS[1]) < hold then
              redis.call('PEXPIRE', KEYS[1], hold)
            end
            return 1
            """;

    /**
     * KEYS[1]: a lane's set. ARGV: pause (ms). Pauses the lane for every instance until pause from now, unless it is
     * paused longer already; keeps the set alive at least that long.
     */
    static final String PAUSE = """
            local now_parts = redis.call('TIME')
            local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
            local untilMs = now + tonumber(ARGV[1])
            local current = redis.call('ZSCORE', KEYS[1], 'paused')
            if not current or tonumber(current) < untilMs then
              redis.call('ZADD', KEYS[1], untilMs, 'paused')
            end
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return 1
            """;

    /**
     * KEYS[1]: the set of live instances. ARGV: this instance's id, how long its announcement holds (ms). Announces
     * the instance until then, forgets the instances whose announcement ran out, and answers how many are left, this
     * one included.
     */
    static final String ANNOUNCE = """
            local now_parts = redis.call('TIME')
            local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
            local ttl = tonumber(ARGV[2])
            redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('PEXPIRE', KEYS[1], ttl)
            return redis.call('ZCARD', KEYS[1])
            """;

    private static final String ACQUIRE_SHA = Digests.hex("SHA-1", ACQUIRE);
    private static final String RELEASE_SHA = Digests.hex("SHA-1", RELEASE);
    private static final String PAUSE_SHA = Digests.hex("SHA-1", PAUSE);
    private static final String ANNOUNCE_SHA = Digests.hex("SHA-1", ANNOUNCE);

    /**
     * Timeouts in a row before a queue leaves Redis. Load runs on a 2-core machine running four JVMs saw single
     * commands go unanswered for more than 500 ms, and once two in a row for more than 250 ms.
     */
    static final int TIMEOUTS_BEFORE_FALLBACK = 3;

    private final Redis redis;
    private final RateLimitConfig config;
    private final MeterRegistry meters;
    private final Function<Lane, Permit> alsoCount;
    private final long holdMillis;
    /** Names this instance's members, so that two instances never produce the same member; not a secret. */
    private final String instanceId = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, RedisLane> lanes = new ConcurrentHashMap<>();

    RedisRateLimiter(Redis redis, RateLimitConfig config, MeterRegistry meters) {
        this(redis, config, meters, lane -> Permits.NONE);
    }

    /** @param alsoCount where else each admitted call of a lane counts, as a permit released with it */
    RedisRateLimiter(Redis redis, RateLimitConfig config, MeterRegistry meters, Function<Lane, Permit> alsoCount) {
        this.redis = redis;
        this.config = config;
        this.meters = meters;
        this.alsoCount = alsoCount;
        this.holdMillis = Duration.ofSeconds(1).plus(config.safetyMargin()).toMillis();
    }

    /**
     * Waits, at most {@code maxWait}, for a permit of {@code lane}, whose key is stored in Redis as it is.
     *
     * @return the permit; fails with {@link RateLimitExceededException} when the wait would exceed {@code maxWait},
     *         with {@link RateLimitStoreUnavailableException} when Redis did not answer in time
     */
    Uni<Permit> acquire(Lane lane, Duration maxWait, Turn turn) {
        RedisLane line = lanes.computeIfAbsent(lane.key(), key -> new RedisLane(lane));
        return Uni.createFrom().emitter(emitter -> line.enqueue(emitter, turn, System.nanoTime(), maxWait));
    }

    /** {@link #acquire(Lane, Duration, Turn)} for a caller that releases the permit itself. */
    Uni<Permit> acquire(Lane lane, Duration maxWait) {
        return acquire(lane, maxWait, new Turn());
    }

    /** Pauses {@code lane} for every instance for {@code time} from now, as Redis tells the time. */
    Uni<Void> pause(Lane lane, Duration time) {
        return script(PAUSE_SHA, PAUSE, laneKey(lane), Math.max(1, time.toMillis())).replaceWithVoid();
    }

    /**
     * Announces this instance as alive for {@code holds}, and answers how many instances are, this one included.
     * Every instance calls it regularly; an instance that stops (or loses Redis) drops out once its last
     * announcement runs out.
     */
    Uni<Integer> announce(Duration holds) {
        return script(ANNOUNCE_SHA, ANNOUNCE, instancesKey(), instanceId, holds.toMillis()).map(Response::toInteger);
    }

    /** Takes this instance out of the live instances at once, when it stops. */
    Uni<Void> withdraw() {
        return bounded(redis.send(Request.cmd(Command.ZREM).arg(instancesKey()).arg(instanceId)),
                config.redis().commandTimeout()).replaceWithVoid();
    }

    private String instancesKey() {
        return config.redis().keyPrefix() + ":instances";
    }

    private String laneKey(Lane lane) {
        return config.redis().keyPrefix() + ":" + lane.key();
    }

    /** Answers when Redis answers a {@code PING} within the command timeout. */
    Uni<Void> ping() {
        return bounded(redis.send(Request.cmd(Command.PING)), config.redis().commandTimeout()).replaceWithVoid();
    }

    /**
     * Opens a connection, loads the scripts, and runs the two that every call needs once on a key of its own that it
     * leaves empty (an acquisition with limit 0, the release of a member that does not exist). The first acquisitions of a cold
     * instance would otherwise pay for the connection, the scripts' text and the first run of this code, and on a
     * busy 2-core machine that took longer than the command timeout. Waits for no caller; its own time limit is the
     * connect and command timeouts together.
     */
    Uni<Void> prepare() {
        String warmUpKey = config.redis().keyPrefix() + ":warm-up";
        return bounded(redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(ACQUIRE))
                .chain(loaded -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(RELEASE)))
                .chain(loaded -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(PAUSE)))
                .chain(loaded -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(ANNOUNCE)))
                .chain(loaded -> redis.send(scriptRequest(Command.EVALSHA, ACQUIRE_SHA, warmUpKey, 0,
                        config.redis().lease().toMillis(), holdMillis, instanceId + ":warm-up")))
                .chain(refused -> redis.send(scriptRequest(Command.EVALSHA, RELEASE_SHA, warmUpKey, holdMillis,
                        instanceId + ":warm-up"))),
                config.redis().connectTimeout().plus(config.redis().commandTimeout()))
                .replaceWithVoid();
    }

    /** Runs a script by its digest, sending its text only when this Redis has not seen it yet. */
    private Uni<Response> script(String sha, String text, String key, Object... args) {
        return bounded(redis.send(scriptRequest(Command.EVALSHA, sha, key, args))
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.send(scriptRequest(Command.EVAL, text, key, args))),
                config.redis().commandTimeout());
    }

    private static Request scriptRequest(Command command, String script, String key, Object... args) {
        Request request = Request.cmd(command).arg(script).arg(1).arg(key);
        for (Object arg : args) {
            request.arg(String.valueOf(arg));
        }
        return request;
    }

    /**
     * A Redis command that answers within {@code timeout} or fails with {@link RateLimitStoreUnavailableException}:
     * its {@code TimedOut} kind when there was no answer, the plain kind, described without credentials, on any
     * other failure.
     */
    private static <T> Uni<T> bounded(Uni<T> command, Duration timeout) {
        return command.ifNoItem().after(timeout).failWith(() -> new RateLimitStoreUnavailableException.TimedOut(timeout))
                .onFailure(failure -> !(failure instanceof RateLimitStoreUnavailableException))
                .transform(failure -> new RateLimitStoreUnavailableException(describe(failure), failure));
    }

    /**
     * The waiters of this instance for one lane, asking Redis for the head's turn. Questions to Redis are sent, and
     * its answers handed to waiters, outside the monitor.
     */
    private final class RedisLane extends WaitingLine {
        private final String redisKey;
        /** The head is being answered by Redis, or waits for the time Redis named. */
        private boolean asking;
        /** The member the head asks for, kept until granted so that a retry cannot take a second slot. */
        private String pendingMember;
        /** How many questions to Redis in a row went unanswered. */
        private int timeoutsInARow;

        RedisLane(Lane lane) {
            super(lane, Duration.ofMillis(holdMillis), meters, RateLimitStore.REDIS);
            this.redisKey = laneKey(lane);
        }

        @Override
        protected void serve(Answers answers) {
            // Redis decides who goes; the question is sent once the monitor is released (afterAnswering).
        }

        @Override
        protected void afterAnswering() {
            askForHead();
        }

        /** Asks Redis for the head's turn, unless a question is already out or nobody waits. */
        private void askForHead() {
            String member;
            synchronized (this) {
                if (asking || waiters.isEmpty()) {
                    return;
                }
                asking = true;
                if (pendingMember == null) {
                    pendingMember = instanceId + ":" + sequence.incrementAndGet();
                }
                member = pendingMember;
            }
            script(ACQUIRE_SHA, ACQUIRE, redisKey, limit(), config.redis().lease().toMillis(), holdMillis, member)
                    .subscribe().with(reply -> answered(member, reply), this::failed);
        }

        private void answered(String member, Response reply) {
            if (reply.get(0).toInteger() != 1) {
                synchronized (this) {
                    timeoutsInARow = 0;
                }
                schedule(this::askAgain, TimeUnit.MILLISECONDS.toNanos(reply.get(1).toLong()));
                return;
            }
            Answers answers = new Answers();
            Waiter waiter;
            synchronized (this) {
                timeoutsInARow = 0;
                asking = false;
                pendingMember = null;
                waiter = waiters.next();
            }
            // Outside the monitor: counting elsewhere takes that place's own lock.
            Permit permit = Permits.both(new OncePermit(waiter == null ? Duration.ZERO : waiter.waited(System.nanoTime()),
                    () -> release(member)), alsoCount.apply(lane));
            if (waiter == null) {
                // The caller gave up while Redis answered: the slot counts as a short call.
                permit.release();
            } else {
                answers.admit(waiter, permit);
            }
            answer(answers);
        }

        private void askAgain() {
            synchronized (this) {
                asking = false;
            }
            askForHead();
        }

        /** @param failure a {@link RateLimitStoreUnavailableException}, as every command fails ({@link #bounded}) */
        private void failed(Throwable failure) {
            RateLimitStoreUnavailableException unavailable = (RateLimitStoreUnavailableException) failure;
            boolean timedOut = failure instanceof RateLimitStoreUnavailableException.TimedOut;
            if (timedOut) {
                meters.counter("bitget.margin.limiter.store.timeouts").increment();
            }
            Answers handedOver = new Answers();
            boolean askAgain;
            synchronized (this) {
                asking = false;
                askAgain = timedOut && ++timeoutsInARow < TIMEOUTS_BEFORE_FALLBACK;
                if (!askAgain) {
                    timeoutsInARow = 0;
                    pendingMember = null;
                    waiters.forEach(waiter -> handedOver.refuse(waiter, unavailable));
                    waiters.clear();
                }
            }
            if (askAgain) {
                askForHead();
            } else {
                answer(handedOver);
            }
        }

        /** Counts the call for one more second from now. Should this fail, it stays counted until its lease ends. */
        private void release(String member) {
            script(RELEASE_SHA, RELEASE, redisKey, holdMillis, member).subscribe().with(ignored -> {
            }, failure -> LOG.debugf("could not report the end of a call to Redis: %s", failure.getClass().getSimpleName()));
        }
    }

    /** The failure's type and message, without any credentials a Redis URI in the message might carry. */
    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("//[^/@\\s]*@", "//***@");
        return failure.getClass().getSimpleName() + message;
    }
}
