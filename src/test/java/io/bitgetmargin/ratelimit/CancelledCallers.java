package io.bitgetmargin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/** Callers of one lane that hang up at random moments, for the stores' tests. */
final class CancelledCallers {

    private CancelledCallers() {
    }

    /**
     * Starts {@code callers} calls with a turn each, every call lasting 0 to 20 ms once admitted, and cancels each at a
     * random moment from at once to 60 ms later, or never (one in five); returns once every call has ended.
     */
    static void run(Turn.Source store, Lane lane, int callers, Random random) throws InterruptedException {
        ScheduledExecutorService hangUps = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch ended = new CountDownLatch(callers);
        try {
            for (int i = 0; i < callers; i++) {
                long callMillis = random.nextInt(20);
                int hangUpAfter = random.nextInt(75) - 15;
                Uni<String> call = Turn.taking(store, lane, Turn.NOBODY, Duration.ofSeconds(5), Uni.createFrom().nothing(),
                        permit -> Uni.createFrom().item("answered").onItem().delayIt().by(Duration.ofMillis(callMillis)));
                Cancellable caller = call.onTermination().invoke(ended::countDown).subscribe().with(answer -> {
                }, refused -> {
                });
                if (hangUpAfter <= 0) {
                    caller.cancel();
                } else if (hangUpAfter < 60) {
                    hangUps.schedule(caller::cancel, hangUpAfter, TimeUnit.MILLISECONDS);
                }
            }
            assertTrue(ended.await(30, TimeUnit.SECONDS), "every caller's call ended");
        } finally {
            hangUps.shutdownNow();
        }
    }
}
