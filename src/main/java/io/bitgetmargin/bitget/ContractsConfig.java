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
     * A symbol missing from a cached list fetches the list again once the list is at least this old: a contract listed
     * since then is found, and a mistyped symbol costs at most one call per product type in this time.
     */
    @WithDefault("30s")
    Duration refreshAfterMiss();
}
