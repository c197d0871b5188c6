package io.bitgetmargin.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A refused caller, as the audit trail records it: 401 when there was no valid caller ({@code caller} null), 403 with
 * the caller and the account or scope it lacked.
 */
@RegisterForReflection
public record DeniedAuditLine(
        String event,
        String time,
        String requestId,
        String traceId,
        String caller,
        String account,
        String method,
        String path,
        int status,
        String reason,
        String via,
        String client) {
}
