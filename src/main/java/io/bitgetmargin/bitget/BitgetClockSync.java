package io.bitgetmargin.bitget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link BitgetClock}'s offset fresh: right after start-up (in the background, so start-up is not delayed) and
 * then every {@link ClockConfig#refreshInterval()}. A refused timestamp resynchronises at once, in
 * {@link BitgetClient}.
 */
@ApplicationScoped
class BitgetClockSync {

    private final BitgetClient bitget;
    private final ClockConfig config;

    BitgetClockSync(BitgetClient bitget, ClockConfig config) {
        this.bitget = bitget;
        this.config = config;
    }

    /** Scheduled here rather than with {@code @Scheduled}, so that the interval is the mapping's, checked at start-up. */
    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob("bitget-clock-sync")
                .setInterval(config.refreshInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> refresh())
                .schedule();
    }

    Uni<Void> refresh() {
        return bitget.synchroniseClock().replaceWithVoid().onFailure().recoverWithNull();
    }
}
