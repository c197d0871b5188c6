package io.bitgetmargin.bitget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.request.OwnContext;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;

/**
 * Bitget's public contracts list, one call per product type, kept in the {@value #CACHE} cache: a leverage is checked
 * against its contract's {@code minLever} and {@code maxLever} before anything is signed. Concurrent askers share one
 * call; a failed call is not kept. A symbol missing from the list fetches it again, at most once per
 * {@code bitget-margin.contracts.refetch-interval}.
 */
@ApplicationScoped
public class BitgetContracts {

    public static final String CACHE = "bitget-contracts";

    private final BitgetClient bitget;
    private final Cache cache;
    private final ContractsConfig config;
    /** The refetch under way per product type, which concurrent misses join rather than start their own. */
    private final ConcurrentMap<String, CompletableFuture<Listed>> refetches = new ConcurrentHashMap<>();

    BitgetContracts(BitgetClient bitget, @CacheName(CACHE) Cache cache, ContractsConfig config) {
        this.bitget = bitget;
        this.cache = cache;
        this.config = config;
    }

    /** Every contract of a product type ({@code USDT-FUTURES}, ...), from the cache when it has them. */
    public Uni<Listed> of(String productType) {
        // Concurrent askers share one fetch: each goes on from its own context once it is answered.
        return OwnContext.resume(cache.getAsync(productType, type -> bitget.contracts(type).map(Listed::new)));
    }

    /**
     * One contract; empty when Bitget does not list it in a fresh list: one fetched within
     * {@link ContractsConfig#refetchInterval()}, or fetched again for this miss. Concurrent misses of a product type
     * share one fetch.
     */
    public Uni<Optional<ContractData>> find(String productType, String symbol) {
        return of(productType).chain(listed -> contractIn(productType, listed, symbol));
    }

    /** The contract in {@code listed}, or, when it is missing from a list that is not fresh, in a newer one. */
    private Uni<Optional<ContractData>> contractIn(String productType, Listed listed, String symbol) {
        Optional<ContractData> contract = listed.contract(symbol);
        if (contract.isPresent() || isFresh(listed)) {
            return Uni.createFrom().item(contract);
        }
        return newerThan(productType, listed).map(fresh -> fresh.contract(symbol));
    }

    private boolean isFresh(Listed listed) {
        return listed.ageMillis() < config.refetchInterval().toMillis();
    }

    /**
     * A list fetched after {@code stale}: the one a concurrent miss is already fetching, one fetched since, or a new
     * fetch that replaces {@code stale} in the cache.
     */
    private Uni<Listed> newerThan(String productType, Listed stale) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Listed> mine = new CompletableFuture<>();
            CompletableFuture<Listed> running = refetches.putIfAbsent(productType, mine);
            if (running != null) {
                return OwnContext.resume(Uni.createFrom().completionStage(running));
            }
            fetchedAfter(productType, stale).subscribe().with(fresh -> {
                refetches.remove(productType, mine);
                mine.complete(fresh);
            }, failure -> {
                refetches.remove(productType, mine);
                mine.completeExceptionally(failure);
            });
            return OwnContext.resume(Uni.createFrom().completionStage(mine));
        });
    }

    /** The cached list when it is no longer {@code stale} (fetched since), else a new fetch in its place. */
    private Uni<Listed> fetchedAfter(String productType, Listed stale) {
        return of(productType).chain(cached -> cached != stale ? Uni.createFrom().item(cached)
                : cache.invalidate(productType).chain(() -> of(productType)));
    }

    /** A product type's contracts by symbol, and when they were fetched. */
    public static final class Listed {
        private final Map<String, ContractData> bySymbol;
        /** Monotonic: a step of the host's clock neither freshens nor ages a list. */
        private final long fetchedAtNanos = System.nanoTime();

        Listed(List<ContractData> contracts) {
            this.bySymbol = contracts.stream().filter(contract -> contract.symbol() != null)
                    .collect(Collectors.toUnmodifiableMap(contract -> contract.symbol().trim().toUpperCase(Locale.ROOT),
                            Function.identity(), (first, second) -> first));
        }

        public Optional<ContractData> contract(String symbol) {
            return Optional.ofNullable(bySymbol.get(symbol.toUpperCase(Locale.ROOT)));
        }

        long ageMillis() {
            return (System.nanoTime() - fetchedAtNanos) / 1_000_000;
        }
    }
}
