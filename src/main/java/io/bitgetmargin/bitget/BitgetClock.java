package io.bitgetmargin.bitget;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time used for {@code ACCESS-TIMESTAMP}: the host clock corrected by the last known offset to Bitget's
 * server time. Read on every signature, so that a retried call is signed with a fresh timestamp.
 */
@ApplicationScoped
public class BitgetClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Bitget's time as best known, in epoch milliseconds. */
    public long nowMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Bitget's clock minus ours, in milliseconds. */
    public long offsetMillis() {
        return offsetMillis.get();
    }

    public void updateOffset(long offsetMillis) {
        this.offsetMillis.set(offsetMillis);
    }
}
