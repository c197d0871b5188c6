package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.Arrays;

import io.bitgetmargin.testing.LoopbackRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * What one limiter acquisition costs a caller with each store, measured in one run: the time from asking for a
 * permit to holding it, when no waiting is needed. The acquisitions go round-robin over many accounts at Bitget's
 * real limit (5 changes per second each), so that no account's budget is ever exhausted and every set stays as
 * small as in production. Redis is a redis-server on a loopback port; over a network, add its round trip.
 * <p>
 * Run through {@code bench/limiter-cost.sh [acquisitions]}; prints median, p99 and max per store.
 */
public final class AcquisitionCost {

    private static final int ACCOUNTS = 4000;

    public static void main(String[] args) throws Exception {
        int acquisitions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        RateLimitConfig config = TestLimits.config(Duration.ofSeconds(2), Duration.ZERO, RateLimitStore.REDIS);
        LoopbackRedis server = new LoopbackRedis().startServer();
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, server.url());
        InProcessRateLimiter memory = new InProcessRateLimiter(config, new SimpleMeterRegistry());
        RedisRateLimiter redis = new RedisRateLimiter(client, config, new SimpleMeterRegistry());
        try {
            redis.prepare().await().atMost(Duration.ofSeconds(5));
            System.out.printf("limiter acquisition, %d acquisitions per store over %d accounts, %s, %d cores, %s%n",
                    acquisitions, ACCOUNTS, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), server.command("INFO", "server").toString()
                            .lines().filter(line -> line.startsWith("redis_version")).findFirst().orElse("redis"));
            Store memoryStore = account -> memory.acquire(TestLimits.fivePerSecond(account), Duration.ofSeconds(2));
            Store redisStore = account -> redis.acquire(TestLimits.fivePerSecond(account), Duration.ofSeconds(2));
            // Warm both up first, then measure them one after the other in the same run.
            measure(memoryStore, acquisitions / 4, "warm-up");
            measure(redisStore, acquisitions / 4, "warm-up");
            print("memory", measure(memoryStore, acquisitions, "memory"));
            print("redis", measure(redisStore, acquisitions, "redis"));
        } finally {
            client.close();
            vertx.closeAndAwait();
            server.stopServer();
        }
        // The Redis client's pool keeps non-daemon threads after close; a benchmark must end by itself.
        System.exit(0);
    }

    private interface Store {
        io.smallrye.mutiny.Uni<Permit> acquire(String account);
    }

    private static long[] measure(Store store, int acquisitions, String label) {
        long[] nanos = new long[acquisitions];
        long waited = 0;
        for (int i = 0; i < acquisitions; i++) {
            String account = label + "-" + (i % ACCOUNTS);
            long start = System.nanoTime();
            Permit permit = store.acquire(account).await().atMost(Duration.ofSeconds(5));
            nanos[i] = System.nanoTime() - start;
            if (permit.waited().toMillis() > 5) {
                waited++;
            }
            permit.release();
        }
        if (waited > 0) {
            System.out.printf("  (%s: %d acquisitions took more than 5 ms)%n", label, waited);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String store, long[] sorted) {
        System.out.printf("%-6s median %6.1f µs   p99 %7.1f µs   max %8.1f µs%n", store,
                sorted[sorted.length / 2] / 1e3, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }
}
