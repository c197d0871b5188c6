package io.bitgetmargin.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.Outcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to a batch: one result per distinct symbol, in request order, and a count per outcome. {@code accountType}
 * is the account's type as the batch found it (null only when nothing reached Bitget to tell).
 */
@RegisterForReflection(targets = { BatchResponse.class, BatchResponse.Result.class })
public record BatchResponse(String productType, AccountType accountType, MarginMode marginMode, boolean dryRun, Map<Outcome, Integer> summary,
        List<Result> results) {

    /** One symbol's outcome; {@code problem} says why for BLOCKED and FAILED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String symbol, Outcome outcome, MarginMode marginMode, Problem problem) {
    }
}
