package io.bitgetmargin.audit;

import io.bitgetmargin.bitget.AccountType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One step of a symbol setup, as the audit trail records it: one line per setting, null where unknown ({@code from}
 * when the symbol was not read, {@code setting} when the request failed before any step, {@code bitgetCode} unless
 * Bitget refused).
 *
 * @param setting {@code posMode}, {@code marginMode}, {@code leverage}, {@code longLeverage} or {@code shortLeverage}
 * @param outcome a step's outcome ({@code CHANGED}, {@code UNCHANGED}, {@code WOULD_CHANGE}, {@code ACCEPTED},
 *        {@code NOT_APPLIED}, {@code FAILED}, {@code SKIPPED}), or {@code FAILED} for a request refused before any step
 */
@RegisterForReflection
public record SymbolSetupAuditLine(
        String event,
        String time,
        String requestId,
        String traceId,
        String caller,
        String account,
        AccountType accountType,
        String symbol,
        String productType,
        String setting,
        String from,
        String to,
        String outcome,
        String bitgetCode,
        String via,
        String client) {
}
