package io.bitgetmargin.bitget;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.request.OwnContext;
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
 * <p>
 * A measurement is kept only if none that started later was kept already, so that an answer that was slow to come
 * back cannot replace a fresher one.
 */
@ApplicationScoped
public class BitgetClock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    /** The measurement under way, shared by everyone who may join it, and when it started; guarded by the monitor. */
    private Uni<Long> inFlight;
    private long inFlightStartNanos;
    /** When the measurement whose offset is in use started; guarded by the monitor. */
    private boolean measured;
    private long measuredStartNanos;

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
     * Measures the offset again with {@code serverTime} and keeps it, or joins the measurement under way. A failed
     * measurement keeps the last offset.
     *
     * @return the new offset in milliseconds
     */
    synchronized Uni<Long> synchronise(Supplier<Uni<ServerTimeData>> serverTime) {
        return OwnContext.resume(inFlight != null ? inFlight : measure(serverTime));
    }

    /**
     * The offset measured by a measurement that started at {@code signedAtNanos} ({@link System#nanoTime()}) or later:
     * the one in use if it did, the one under way if it did, a new one otherwise. A request refused for its
     * timestamp must not be signed again with an offset measured before it was signed: the clock may have stepped
     * since, and that measurement would not know. Requests refused together share one measurement: a clock step under
     * load costs one call to the time endpoint, or a few when requests are signed while it runs.
     *
     * @return the offset in milliseconds
     */
    synchronized Uni<Long> synchroniseAfter(long signedAtNanos, Supplier<Uni<ServerTimeData>> serverTime) {
        if (measured && measuredStartNanos - signedAtNanos >= 0) {
            return Uni.createFrom().item(offsetMillis.get());
        }
        // Whoever joins a measurement goes on from its own context once it is answered, not from the measurer's.
        if (inFlight != null && inFlightStartNanos - signedAtNanos >= 0) {
            return OwnContext.resume(inFlight);
        }
        return OwnContext.resume(measure(serverTime));
    }

    /** Starts a measurement; called with the monitor held. */
    private Uni<Long> measure(Supplier<Uni<ServerTimeData>> serverTime) {
        long startNanos = System.nanoTime();
        AtomicReference<Uni<Long>> self = new AtomicReference<>();
        // Building the Uni does no I/O: the measurement starts when the first caller subscribes, right after this.
        Uni<Long> measurement = measureOnce(serverTime, startNanos).onTermination().invoke(() -> ended(self.get()))
                .memoize().indefinitely();
        self.set(measurement);
        inFlight = measurement;
        inFlightStartNanos = startNanos;
        return measurement;
    }

    private synchronized void ended(Uni<Long> measurement) {
        if (inFlight == measurement) {
            inFlight = null;
        }
    }

    /** Keeps an offset unless a measurement that started later was kept already. */
    private synchronized long keep(long offset, long startNanos) {
        if (!measured || startNanos - measuredStartNanos > 0) {
            measured = true;
            measuredStartNanos = startNanos;
            offsetMillis.set(offset);
        }
        return offsetMillis.get();
    }

    private Uni<Long> measureOnce(Supplier<Uni<ServerTimeData>> serverTime, long startNanos) {
        return Uni.createFrom().deferred(() -> {
            long t0 = System.currentTimeMillis();
            return serverTime.get().map(answer -> {
                long t1 = System.currentTimeMillis();
                if (answer == null || answer.serverTime() == null) {
                    throw new BitgetException.Unavailable("the server time answer has no serverTime", null, true);
                }
                long offset = keep(answer.serverTime() - (t0 + t1) / 2, startNanos);
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
