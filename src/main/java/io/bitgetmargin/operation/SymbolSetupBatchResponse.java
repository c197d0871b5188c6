package io.bitgetmargin.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.setup.SetupStep;
import io.bitgetmargin.setup.SymbolSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to a symbol-setup batch: the position-mode step of each product type (classic) or of the account
 * (unified, {@code scope} {@code account}), written once for all its symbols, then one result per distinct symbol in
 * request order, and a count per outcome.
 */
@RegisterForReflection(targets = { SymbolSetupBatchResponse.class, SymbolSetupBatchResponse.PositionModeStep.class,
        SymbolSetupBatchResponse.Result.class })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SymbolSetupBatchResponse(String productType, AccountType accountType, boolean dryRun,
        List<PositionModeStep> positionModes, Map<Outcome, Integer> summary, List<Result> results) {

    /** The one position-mode step of a product type or account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PositionModeStep(String scope, SetupStep step) {
    }

    /** One symbol: its settings before and as read back, its steps, and {@code problem} for BLOCKED and FAILED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String symbol, Outcome outcome, SymbolSettings before, SymbolSettings after,
            List<SetupStep> steps, Problem problem) {
    }
}
