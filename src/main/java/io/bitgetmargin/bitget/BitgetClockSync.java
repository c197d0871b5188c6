package io.bitgetmargin.bitget;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link BitgetClock}'s offset to Bitget's server time: first right after start-up (in the background, so
 * start-up is not delayed), then periodically, and at once when Bitget refuses a timestamp. The offset is
 * {@code serverTime - (t0 + t1) / 2}, t0 and t1 being our clock before and after the call.
 */
@ApplicationScoped
public class BitgetClockSync {

    private final BitgetClient bitget;
    private final BitgetClock clock;
    private final AtomicReference<Uni<Long>> inFlight = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    BitgetClockSync(BitgetClient bitget, BitgetClock clock, MeterRegistry meters) {
        this.bitget = bitget;
        this.clock = clock;
        meters.gauge("bitget.clock.offset", clock, c -> c.offsetMillis());
    }

    @Scheduled(every = "${bitget-margin.clock.refresh-interval:60s}", identity = "bitget-clock-sync",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return resync().replaceWithVoid().onFailure().recoverWithNull();
    }

    /**
     * Measures the offset again. Concurrent callers share one measurement: a burst of refused timestamps costs one
     * call to the time endpoint, not one each.
     *
     * @return the new offset in milliseconds
     */
    public Uni<Long> resync() {
        Uni<Long> created = Uni.createFrom().deferred(this::measure)
                .onTermination().invoke(() -> inFlight.set(null))
                .memoize().indefinitely();
        Uni<Long> current = inFlight.compareAndExchange(null, created);
        return current != null ? current : created;
    }

    private Uni<Long> measure() {
        long t0 = System.currentTimeMillis();
        return bitget.serverTime().map(time -> {
            long t1 = System.currentTimeMillis();
            if (time == null || time.serverTime() == null) {
                throw new BitgetException.Unavailable("the server time answer has no serverTime", null, true);
            }
            long offset = time.serverTime() - (t0 + t1) / 2;
            clock.updateOffset(offset);
            if (failing.compareAndSet(true, false)) {
                Log.infof("Bitget server time is reachable again; clock offset %d ms", offset);
            }
            return offset;
        }).onFailure().invoke(failure -> {
            // One warning when synchronisation starts failing, not one per attempt.
            if (failing.compareAndSet(false, true)) {
                Log.warnf("Cannot read Bitget's server time (%s); keeping the clock offset of %d ms",
                        failure.getMessage(), clock.offsetMillis());
            }
        });
    }
}
