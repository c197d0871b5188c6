package io.bitgetmargin.bitget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time used for {@code ACCESS-TIMESTAMP}: the host clock corrected by the last known offset to Bitget's server
 * time, kept per account. Read on every signature, so that a retried call is signed with a fresh timestamp.
 */
@ApplicationScoped
public class BitgetClock {

    private final Map<String, AtomicLong> offsets = new ConcurrentHashMap<>();

    /** Bitget's time as best known for an account, in epoch milliseconds. */
    public long nowMillis(String account) {
        return System.currentTimeMillis() + offsetMillis(account);
    }

    /** Bitget's clock minus ours, in milliseconds, as last measured for an account (null: the default one). */
    public long offsetMillis(String account) {
        AtomicLong offset = offsets.get(BitgetAccounts.nameOf(account));
        return offset == null ? 0 : offset.get();
    }

    public void updateOffset(String account, long offsetMillis) {
        offsets.computeIfAbsent(BitgetAccounts.nameOf(account), name -> new AtomicLong()).set(offsetMillis);
    }
}
