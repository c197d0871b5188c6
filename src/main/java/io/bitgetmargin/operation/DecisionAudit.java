package io.bitgetmargin.operation;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.margin.MarginModeService;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.margin.Outcome;

/**
 * Writes the audit line of each facade decision, in the facade's own terms: the outcome the caller was answered
 * and, where it is known, the mode the symbol had. A margin mode is one of two, so a symbol that was changed, would
 * be, was blocked or did not take the change had the other one; an unchanged symbol had the requested one; a failed
 * one is not known.
 */
@ApplicationScoped
public class DecisionAudit {

    private static final String NOT_APPLIED = "NOT_APPLIED";
    /** The caller hung up before the change was done, or seen done: see {@link io.bitgetmargin.bitget.Hangup}. */
    private static final String ABANDONED = "ABANDONED";

    private final AuditTrail trail;
    private final MarginModeService service;

    DecisionAudit(AuditTrail trail, MarginModeService service) {
        this.trail = trail;
        this.service = service;
    }

    void ensured(RequestFacts request, MarginModeResult result) {
        trail.marginMode(request, result.accountType(), result.symbol(), result.productType().wireName(),
                before(result.outcome().name(), result.marginMode()), result.marginMode(), result.outcome().name(), null);
    }

    void failed(RequestFacts request, String account, MarginModeInput input, Throwable failure) {
        MarginMode to = input == null ? null : MarginMode.parse(input.marginMode()).orElse(null);
        String outcome = outcomeOf(failure);
        String bitgetCode = BitgetException.codeOf(failure);
        trail.marginMode(request, service.accountType(account).orElse(null),
                input == null ? null : stripped(input.symbol()), input == null ? null : upper(input.productType()),
                before(outcome, to), to, outcome, bitgetCode);
    }

    void batch(RequestFacts request, BatchResponse response) {
        for (BatchResponse.Result result : response.results()) {
            String outcome = result.problem() != null && ProblemCode.CALLER_GONE.name().equals(result.problem().code())
                    ? ABANDONED : result.outcome().name();
            trail.marginMode(request, response.accountType(), result.symbol(), response.productType(),
                    before(outcome, response.marginMode()), response.marginMode(), outcome,
                    result.problem() == null ? null : result.problem().bitgetCode());
        }
    }

    /** The outcome of a request that ended without a result: ABANDONED when its caller hung up first, else FAILED. */
    static String unfinished(Throwable failure) {
        return failure instanceof CallerGoneException ? ABANDONED : Outcome.FAILED.name();
    }

    private static String outcomeOf(Throwable failure) {
        if (failure instanceof NotAppliedException) {
            return NOT_APPLIED;
        }
        if (failure instanceof CallerGoneException) {
            return ABANDONED;
        }
        if (failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.POSITION_OR_ORDER_OPEN) {
            return Outcome.BLOCKED.name();
        }
        return Outcome.FAILED.name();
    }

    private static MarginMode before(String outcome, MarginMode to) {
        if (to == null || outcome.equals(Outcome.FAILED.name()) || outcome.equals(ABANDONED)) {
            return null;
        }
        if (outcome.equals(Outcome.UNCHANGED.name())) {
            return to;
        }
        return to == MarginMode.CROSSED ? MarginMode.ISOLATED : MarginMode.CROSSED;
    }

    /** A caller's text as the audit line holds it: stripped, null when blank. */
    static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String upper(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
