package io.bitgetmargin.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.MarginMode;

/**
 * Who changed which account's margin mode, when, from what to what: one line per decision on the log category
 * {@value #CATEGORY} at INFO, whose message is one JSON object. Routing the category to its own file or system is
 * log configuration (docs/security.md shows how). The lines hold names and outcomes only, never a token, key, secret,
 * passphrase or signature; with tracing on, also the request's trace id.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String CATEGORY = "bitget-margin.audit";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final ObjectMapper json;

    AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    /** A decision about one symbol's margin mode. */
    public void marginMode(RequestFacts request, AccountType accountType, String symbol, String productType,
            MarginMode from, MarginMode to, String outcome, String bitgetCode) {
        write(new MarginModeAuditLine("margin-mode", Instant.now().toString(), request.requestId(), request.traceId(),
                request.caller(), request.account(), accountType, symbol, productType, from, to, outcome, bitgetCode, request.via(), request.client()));
    }

    /** A step of a symbol setup ({@code setting} null: the request failed before any step). */
    public void symbolSetup(RequestFacts request, AccountType accountType, String symbol, String productType,
            String setting, String from, String to, String outcome, String bitgetCode) {
        write(new SymbolSetupAuditLine("symbol-setup", Instant.now().toString(), request.requestId(), request.traceId(),
                request.caller(), request.account(), accountType, symbol, productType, setting, from, to, outcome,
                bitgetCode, request.via(), request.client()));
    }

    /** A refused caller; the request's {@code caller} null when there was none (401). */
    public void denied(RequestFacts request, String method, String path, int status, String reason) {
        write(new DeniedAuditLine("denied", Instant.now().toString(), request.requestId(), request.traceId(),
                request.caller(), request.account(), method, path, status, reason, request.via(), request.client()));
    }

    private void write(Object line) {
        try {
            LOG.info(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            // An audit line that cannot be written is a bug, and must not go unnoticed.
            throw new IllegalStateException("an audit line cannot be written", e);
        }
    }
}
