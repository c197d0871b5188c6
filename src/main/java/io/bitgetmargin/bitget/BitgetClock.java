package io.bitgetmargin.bitget;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The time used for {@code ACCESS-TIMESTAMP}: the host clock corrected by the last known offset to Bitget's server
 * time. Read on every signature, so that a retried call is signed with a fresh timestamp.
 * <p>
 * One offset for the whole service: every account's requests go to the same Bitget, and the offset is measured on
 * its public time endpoint, which knows no account. It is {@code serverTime - (t0 + t1) / 2}, t0 and t1 being our
 * clock before and after the call.
 */
@ApplicationScoped
public class BitgetClock {

    private final AtomicLong offsetMillis = new AtomicLong();
    /** The measurement under way, shared by everyone who asks meanwhile; guarded by the monitor. */
    private Uni<Long> inFlight;
    private final AtomicBoolean failing = new AtomicBoolean();

    BitgetClock(MeterRegistry meters) {
        // Quarkus's registry outlives an application restarted in the same JVM (dev-mode reloads, test profiles),
        // and a gauge already registered under this name, bound to the last application's clock, would win.
        meters.find("bitget.clock.offset").meters().forEach(meters::remove);
        Gauge.builder("bitget.clock.offset", offsetMillis, AtomicLong::get).strongReference(true).register(meters);
    }

    /** Bitget's time as best known, in epoch milliseconds. */
    public long nowMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Bitget's clock minus ours, in milliseconds, as last measured. */
    public long offsetMillis() {
        return offsetMillis.get();
    }

    /**
     * Measures the offset again with {@code serverTime} and keeps it. Concurrent callers share one measurement: a
     * burst of refused timestamps costs one call to the time endpoint, not one each. A failed measurement keeps the
     * last offset.
     *
     * @return the new offset in milliseconds
     */
    synchronized Uni<Long> synchronise(Supplier<Uni<ServerTimeData>> serverTime) {
        // Building the Uni does no I/O: the measurement starts when the first caller subscribes.
        if (inFlight == null) {
            inFlight = measure(serverTime).onTermination().invoke(this::measured).memoize().indefinitely();
        }
        return inFlight;
    }

    private synchronized void measured() {
        inFlight = null;
    }

    private Uni<Long> measure(Supplier<Uni<ServerTimeData>> serverTime) {
        return Uni.createFrom().deferred(() -> {
            long t0 = System.currentTimeMillis();
            return serverTime.get().map(time -> {
                long t1 = System.currentTimeMillis();
                if (time == null || time.serverTime() == null) {
                    throw new BitgetException.Unavailable("the server time answer has no serverTime", null, true);
                }
                long offset = time.serverTime() - (t0 + t1) / 2;
                offsetMillis.set(offset);
                if (failing.compareAndSet(true, false)) {
                    Log.infof("Bitget server time is reachable again; clock offset %d ms", offset);
                }
                return offset;
            }).onFailure().invoke(failure -> {
                // One warning when synchronisation starts failing, not one per attempt.
                if (failing.compareAndSet(false, true)) {
                    Log.warnf("Cannot read Bitget's server time (%s); keeping the last clock offset", failure.getMessage());
                }
            });
        });
    }
}
