package io.bitgetmargin.bitget;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cached contracts list ({@link BitgetContracts}). How long a list is kept at most is the cache's own setting,
 * {@code quarkus.cache.caffeine."bitget-contracts".expire-after-write}.
 */
@ConfigMapping(prefix = "bitget-margin.contracts")
public interface ContractsConfig {

    /**
     * A symbol missing from the cached contracts list fetches the list again, at most once in this time per product
     * type (concurrent misses share one fetch): a contract listed a moment ago is found, and mistyped symbols cost at
     * most one call per product type in this time. A symbol missing from a list fetched within it is answered
     * {@code UNKNOWN_SYMBOL}.
     */
    @WithDefault("2s")
    Duration refetchInterval();
}
