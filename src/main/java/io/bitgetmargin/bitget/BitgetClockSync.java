package io.bitgetmargin.bitget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link BitgetClock}'s offsets to Bitget's server time: for every account right after start-up (in the
 * background, so start-up is not delayed), then periodically, and for one account at once when Bitget refuses its
 * timestamp. The offset is {@code serverTime - (t0 + t1) / 2}, t0 and t1 being our clock before and after the call.
 */
@ApplicationScoped
public class BitgetClockSync {

    private final BitgetClient bitget;
    private final BitgetClock clock;
    private final BitgetAccounts accounts;
    private final Map<String, Uni<Long>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    BitgetClockSync(BitgetClient bitget, BitgetClock clock, BitgetAccounts accounts, MeterRegistry meters) {
        this.bitget = bitget;
        this.clock = clock;
        this.accounts = accounts;
        for (String account : accounts.names()) {
            meters.gauge("bitget.clock.offset", Tags.of("account", account), clock, c -> c.offsetMillis(account));
        }
    }

    @Scheduled(every = "${bitget-margin.clock.refresh-interval:60s}", identity = "bitget-clock-sync",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return measure()
                .invoke(offset -> accounts.names().forEach(account -> clock.updateOffset(account, offset)))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /**
     * Measures the offset again for one account. Concurrent callers for the same account share one measurement:
     * a burst of refused timestamps costs one call to the time endpoint, not one each.
     *
     * @return the new offset in milliseconds
     */
    public Uni<Long> resync(String account) {
        String name = BitgetAccounts.nameOf(account);
        return inFlight.computeIfAbsent(name, key -> measure()
                .invoke(offset -> clock.updateOffset(key, offset))
                .onTermination().invoke(() -> inFlight.remove(key))
                .memoize().indefinitely());
    }

    private Uni<Long> measure() {
        return Uni.createFrom().deferred(() -> {
            long t0 = System.currentTimeMillis();
            return bitget.serverTime().map(time -> {
                long t1 = System.currentTimeMillis();
                if (time == null || time.serverTime() == null) {
                    throw new BitgetException.Unavailable("the server time answer has no serverTime", null, true);
                }
                long offset = time.serverTime() - (t0 + t1) / 2;
                if (failing.compareAndSet(true, false)) {
                    Log.infof("Bitget server time is reachable again; clock offset %d ms", offset);
                }
                return offset;
            }).onFailure().invoke(failure -> {
                // One warning when synchronisation starts failing, not one per attempt.
                if (failing.compareAndSet(false, true)) {
                    Log.warnf("Cannot read Bitget's server time (%s); keeping the last clock offsets", failure.getMessage());
                }
            });
        });
    }
}
