package io.bitgetmargin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;

/**
 * Every connection the Redis pool opens gets Vert.x client metrics of its own, all under one meter id: no meter may be
 * registered twice (Micrometer's "This Gauge has been already registered" WARN at the first calls).
 * <p>
 * Only the meters of the Redis client are judged (those tagged {@code clientType=redis}). In test mode Quarkus keeps the
 * meters of the JVM's earlier applications in the global registry (it removes them at shutdown in dev mode only), so a
 * meter this application registers late, such as the circuit breaker's gauges at its first call to Bitget from the
 * clock synchronisation in the background, may meet its double from an earlier test application during this test. That
 * is the test JVM's, not the pool's, and cannot happen in a process that runs one application.
 */
@QuarkusTest
@RequiresRedisServer
@WithTestResource(LoopbackBitget.class)
@WithTestResource(LoopbackRedis.class)
class RedisMetersTest {

    /** Micrometer warns of the first double registration in the JVM only, later ones at DEBUG: both are caught. */
    private static final Logger REGISTRY_LOG = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

    /** The tag of the meters the Vert.x Redis client makes for each connection, as Micrometer prints it. */
    private static final String REDIS_CLIENT_METER = "tag(clientType=redis)";

    // An Instance: where the other tests run without a Redis the client is inactive, and a plain injection point of it
    // in any test class would stop their start.
    @Inject
    Instance<Redis> redis;

    @Inject
    MeterRegistry meters;

    @Test
    void registersNoMeterTwiceHoweverManyConnectionsThePoolOpens() {
        List<String> registeredTwice = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("already registered")
                        && message.contains(REDIS_CLIENT_METER)) {
                    registeredTwice.add(message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = REGISTRY_LOG.getLevel();
        REGISTRY_LOG.addHandler(capture);
        REGISTRY_LOG.setLevel(Level.FINE);
        List<RedisConnection> held = new ArrayList<>();
        try {
            // The whole pool (quarkus.redis.max-pool-size=8) at once: the limiter holds one or two, the rest are new.
            for (int i = 0; i < 8; i++) {
                held.add(redis.get().connect().await().atMost(Duration.ofSeconds(5)));
            }
            for (RedisConnection connection : held) {
                assertEquals("PONG", connection.send(Request.cmd(Command.PING)).await().atMost(Duration.ofSeconds(5))
                        .toString());
            }
        } finally {
            held.forEach(RedisConnection::closeAndAwait);
            REGISTRY_LOG.removeHandler(capture);
            REGISTRY_LOG.setLevel(level);
        }
        assertEquals(List.of(), registeredTwice);
        // The pool's own meters, one set per pool, are still there: they show the connections in use and the queue.
        assertFalse(meters.find("redis.pool.completed").meters().isEmpty(), "the Redis pool's meters");
    }
}
