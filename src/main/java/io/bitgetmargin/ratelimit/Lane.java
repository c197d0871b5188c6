package io.bitgetmargin.ratelimit;

/**
 * One budget: at most {@code perSecond} calls in any second for everything acquired under {@code key}, counted in
 * this process or in Redis. The caller chooses the key (it is stored in Redis as it is, so it must hold nothing
 * secret) and {@code tag}, the low-cardinality name of the budget in metrics and messages.
 */
public record Lane(String key, int perSecond, String tag) {

    public Lane {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a rate-limit lane needs a key");
        }
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate-limit lane needs at least one call per second, not " + perSecond);
        }
    }
}
