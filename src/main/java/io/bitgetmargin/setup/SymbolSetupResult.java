package io.bitgetmargin.setup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.margin.ProductType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A symbol's setup: {@code before} as first read, {@code after} as read back (absent on a dry run and when nothing was
 * read back), and each setting asked for as a step. {@code outcome} is {@code CHANGED} when a step changed,
 * {@code UNCHANGED} when none had to, {@code WOULD_CHANGE} on a dry run that would send something.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SymbolSetupResult(
        String symbol,
        ProductType productType,
        String marginCoin,
        AccountType accountType,
        Outcome outcome,
        SymbolSettings before,
        SymbolSettings after,
        List<SetupStep> steps) {
}
