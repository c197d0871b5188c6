package io.bitgetmargin.bitget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;

/**
 * Bitget's public contracts list, one call per product type, kept in the {@value #CACHE} cache: a leverage is checked
 * against its contract's {@code minLever} and {@code maxLever} before anything is signed. Concurrent askers share one
 * call; a failed call is not kept.
 */
@ApplicationScoped
public class BitgetContracts {

    public static final String CACHE = "bitget-contracts";

    private final BitgetClient bitget;
    private final Cache cache;
    private final ContractsConfig config;

    BitgetContracts(BitgetClient bitget, @CacheName(CACHE) Cache cache, ContractsConfig config) {
        this.bitget = bitget;
        this.cache = cache;
        this.config = config;
    }

    /** Every contract of a product type ({@code USDT-FUTURES}, ...), from the cache when it has them. */
    public Uni<Listed> of(String productType) {
        return cache.getAsync(productType, type -> bitget.contracts(type).map(Listed::new));
    }

    /**
     * One contract; empty when Bitget does not list it even in a list fetched again (a list at least
     * {@link ContractsConfig#refreshAfterMiss()} old is).
     */
    public Uni<Optional<ContractData>> find(String productType, String symbol) {
        return of(productType).flatMap(listed -> {
            Optional<ContractData> contract = listed.contract(symbol);
            if (contract.isPresent() || listed.ageMillis() < config.refreshAfterMiss().toMillis()) {
                return Uni.createFrom().item(contract);
            }
            return cache.invalidate(productType).flatMap(ignored -> of(productType))
                    .map(fresh -> fresh.contract(symbol));
        });
    }

    /** A product type's contracts by symbol, and when they were fetched. */
    public static final class Listed {
        private final Map<String, ContractData> bySymbol;
        private final long fetchedAtMillis = System.currentTimeMillis();

        Listed(List<ContractData> contracts) {
            this.bySymbol = contracts.stream().filter(contract -> contract.symbol() != null)
                    .collect(Collectors.toUnmodifiableMap(contract -> contract.symbol().trim().toUpperCase(Locale.ROOT),
                            Function.identity(), (first, second) -> first));
        }

        public Optional<ContractData> contract(String symbol) {
            return Optional.ofNullable(bySymbol.get(symbol.toUpperCase(Locale.ROOT)));
        }

        long ageMillis() {
            return System.currentTimeMillis() - fetchedAtMillis;
        }
    }
}
