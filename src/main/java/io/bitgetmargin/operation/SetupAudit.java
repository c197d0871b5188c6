package io.bitgetmargin.operation;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.setup.SetupFailedException;
import io.bitgetmargin.setup.SetupItem;
import io.bitgetmargin.setup.SetupStep;
import io.bitgetmargin.setup.SymbolSetupInput;
import io.bitgetmargin.setup.SymbolSetupResult;

/** Writes the audit lines of symbol setups: one per step, or one FAILED line for a symbol refused before any step. */
@ApplicationScoped
public class SetupAudit {

    private final AuditTrail trail;

    SetupAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void done(RequestFacts request, SymbolSetupResult result) {
        steps(request, result);
    }

    /** A single setup that failed: its steps when it had any, else one line with what was asked. */
    void failed(RequestFacts request, AccountType knownType, SymbolSetupInput input, Throwable failure) {
        if (failure instanceof SetupFailedException failed) {
            steps(request, failed.result());
            return;
        }
        trail.symbolSetup(request, knownType,
                input == null ? null : DecisionAudit.stripped(input.symbol()), input == null ? null : DecisionAudit.upper(input.productType()), null,
                null, null, DecisionAudit.unfinished(failure), BitgetException.codeOf(failure));
    }

    void item(RequestFacts request, AccountType knownType, String productType, SetupItem item) {
        if (item.result() != null) {
            steps(request, item.result());
            return;
        }
        trail.symbolSetup(request, knownType, item.symbol(), productType, null,
                null, null, DecisionAudit.unfinished(item.failure()), BitgetException.codeOf(item.failure()));
    }

    private void steps(RequestFacts request, SymbolSetupResult result) {
        for (SetupStep step : result.steps()) {
            trail.symbolSetup(request, result.accountType(), result.symbol(),
                    result.productType().wireName(), step.setting().field(), step.from(), step.to(),
                    step.outcome().name(), step.bitgetCode());
        }
    }
}
