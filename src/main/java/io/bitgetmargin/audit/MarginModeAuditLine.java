package io.bitgetmargin.audit;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.MarginMode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One decision about a symbol's margin mode, as the audit trail records it. Every field is written, null where
 * unknown: {@code from} when the symbol could not be read, {@code accountType} before it is known, {@code bitgetCode}
 * unless Bitget refused.
 *
 * @param caller the static token's label or the JWT's {@code sub}
 * @param outcome {@code CHANGED}, {@code UNCHANGED}, {@code WOULD_CHANGE}, {@code BLOCKED}, {@code NOT_APPLIED} or
 *        {@code FAILED}
 */
@RegisterForReflection
public record MarginModeAuditLine(
        String event,
        String time,
        String requestId,
        String traceId,
        String caller,
        String account,
        AccountType accountType,
        String symbol,
        String productType,
        MarginMode from,
        MarginMode to,
        String outcome,
        String bitgetCode,
        String via,
        String client) {
}
