package io.bitgetmargin.ratelimit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the Redis client's per-connection gauges out of the meter registry.
 * <p>
 * The Vert.x Redis client gives every connection of its pool client metrics of its own, and Quarkus's Micrometer
 * binder registers two gauges for each ({@code redis.queue.size}, {@code redis.current}) under one and the same id
 * ({@code clientName}, {@code clientType=redis}). From the second connection on, Micrometer ignores the registration
 * and warns "This Gauge has been already registered", once, at the first calls; the gauge it kept shows the first
 * connection only, so it is wrong as soon as the pool holds two. Denied here, they are never registered. The pool's
 * own meters ({@code redis.pool.*}: connections in use, callers queued for one), one set per pool, and the counters
 * and timers of the commands, which add up across connections, remain.
 */
@Singleton
public class RedisConnectionGauges {

    @Produces
    @Singleton
    MeterFilter onePerPoolNotPerConnection() {
        return MeterFilter.deny(meter -> meter.getType() == Meter.Type.GAUGE
                && "redis".equals(meter.getTag("clientType")));
    }
}
