package io.bitgetmargin.setup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetContracts;
import io.bitgetmargin.bitget.ContractData;
import io.smallrye.mutiny.Uni;

/**
 * The first check of a plan, before anything is read or sent: the leverage asked must be within the contract's range
 * in Bitget's contracts list (cached, one list per product type).
 */
@ApplicationScoped
class ContractLimits {

    private final BitgetContracts contracts;

    ContractLimits(BitgetContracts contracts) {
        this.contracts = contracts;
    }

    /**
     * The symbols whose leverage Bitget's contracts list refuses, with why: not listed
     * ({@link UnknownContractException}), or outside {@code minLever} to {@code maxLever}
     * ({@link LeverageOutOfRangeException}). Symbols that ask no leverage are not looked up.
     */
    Uni<Map<String, Throwable>> refused(List<DesiredSetup> setups) {
        List<DesiredSetup> asking = setups.stream().filter(DesiredSetup::asksLeverage).toList();
        if (asking.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Throwable> refused = new ConcurrentHashMap<>();
        List<Uni<Void>> checks = asking.stream().map(setup -> contracts.find(setup.productType().wireName(),
                setup.symbol()).invoke(contract -> outOfRange(setup, contract)
                        .ifPresent(failure -> refused.put(setup.symbol(), failure)))
                .onFailure().invoke(failure -> refused.put(setup.symbol(), failure))
                .onFailure().recoverWithNull().replaceWithVoid()).toList();
        return Uni.join().all(checks).andFailFast().map(ignored -> refused);
    }

    private static Optional<Throwable> outOfRange(DesiredSetup setup, Optional<ContractData> listed) {
        if (listed.isEmpty()) {
            return Optional.of(new UnknownContractException(setup.symbol(), setup.productType()));
        }
        ContractData contract = listed.get();
        BigDecimal min = contract.minLever() == null ? BigDecimal.ONE : contract.minLever();
        BigDecimal max = contract.maxLever();
        for (Map.Entry<String, BigDecimal> asked : asked(setup).entrySet()) {
            BigDecimal value = asked.getValue();
            if (value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
                return Optional.of(new LeverageOutOfRangeException(asked.getKey(), setup.symbol(), value, min, max));
            }
        }
        return Optional.empty();
    }

    private static Map<String, BigDecimal> asked(DesiredSetup setup) {
        Map<String, BigDecimal> asked = new LinkedHashMap<>();
        if (setup.leverage() != null) {
            asked.put("leverage", setup.leverage());
        }
        if (setup.longLeverage() != null) {
            asked.put("longLeverage", setup.longLeverage());
        }
        if (setup.shortLeverage() != null) {
            asked.put("shortLeverage", setup.shortLeverage());
        }
        return asked;
    }
}
