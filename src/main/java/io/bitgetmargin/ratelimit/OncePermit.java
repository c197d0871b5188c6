package io.bitgetmargin.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A permit whose release action runs once, however often and from however many threads it is released. */
final class OncePermit implements Permit {

    private final Duration waited;
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    OncePermit(Duration waited, Runnable onRelease) {
        this.waited = waited;
        this.onRelease = onRelease;
    }

    @Override
    public Duration waited() {
        return waited;
    }

    @Override
    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }
}
