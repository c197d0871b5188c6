package io.bitgetmargin.setup;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One setup for many symbols of one account: {@code productType} and {@code marginCoin} apply to every symbol and may
 * be left out where the symbols decide them; {@code dryRun} only reads and plans.
 */
@RegisterForReflection
public record SymbolSetupBatchInput(String productType, String marginCoin, String marginMode, BigDecimal leverage,
        String posMode, List<String> symbols, Boolean dryRun) {
}
