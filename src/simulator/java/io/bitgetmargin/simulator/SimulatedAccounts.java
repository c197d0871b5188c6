package io.bitgetmargin.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The keys the simulator accepts and each one's state; every key starts with the same listed contracts. */
final class SimulatedAccounts {

    /** Contracts every account starts with: symbol, product type, margin coin. */
    private static final List<String[]> LISTED = List.of(
            new String[] { "BTCUSDT", "USDT-FUTURES", "USDT" }, new String[] { "ETHUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "SOLUSDT", "USDT-FUTURES", "USDT" }, new String[] { "XRPUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "DOGEUSDT", "USDT-FUTURES", "USDT" }, new String[] { "1000PEPEUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "龙虾USDT", "USDT-FUTURES", "USDT" }, new String[] { "$DEGENUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "BTCUSD", "COIN-FUTURES", "BTC" }, new String[] { "ETHUSD", "COIN-FUTURES", "ETH" },
            new String[] { "BTCPERP", "USDC-FUTURES", "USDC" }, new String[] { "ETHPERP", "USDC-FUTURES", "USDC" },
            new String[] { "SBTCSUSDT", "SUSDT-FUTURES", "SUSDT" }, new String[] { "SETHSUSDT", "SUSDT-FUTURES", "SUSDT" },
            new String[] { "SBTCSUSD", "SCOIN-FUTURES", "SBTC" }, new String[] { "SBTCSPERP", "SUSDC-FUTURES", "SUSDC" });

    private final List<SimulatedKey> initialKeys;
    private final Map<String, SimulatedAccount> accounts = new HashMap<>();

    SimulatedAccounts(List<SimulatedKey> initialKeys) {
        this.initialKeys = List.copyOf(initialKeys);
        reset();
    }

    /** Back to the initial keys, each with fresh listed contracts. */
    void reset() {
        accounts.clear();
        initialKeys.forEach(key -> add(key.apiKey(), key));
    }

    /** Adds or replaces a key; its contracts start afresh. */
    void add(String apiKey, SimulatedKey key) {
        SimulatedAccount account = new SimulatedAccount(key.named(apiKey));
        for (String[] listed : LISTED) {
            account.symbols.put(listed[0], SimulatedSymbol.listed(listed[0], listed[1], listed[2]));
        }
        accounts.put(apiKey, account);
    }

    void remove(String apiKey) {
        accounts.remove(apiKey);
    }

    /** One symbol of each name that any key has of a product type, in listing order: the public contracts list. */
    List<SimulatedSymbol> contracts(String productType) {
        Map<String, SimulatedSymbol> listed = new java.util.LinkedHashMap<>();
        for (String[] row : LISTED) {
            if (row[1].equals(productType)) {
                listed.put(row[0], SimulatedSymbol.listed(row[0], row[1], row[2]));
            }
        }
        accounts.values().forEach(account -> account.symbols.values().stream()
                .filter(symbol -> symbol.productType().equals(productType))
                .forEach(symbol -> listed.putIfAbsent(symbol.symbol(), symbol)));
        return List.copyOf(listed.values());
    }

    /** The account of an API key, or null. */
    SimulatedAccount get(String apiKey) {
        return accounts.get(apiKey);
    }
}
