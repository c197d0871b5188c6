package io.bitgetmargin.operation;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.BatchInput;
import io.bitgetmargin.margin.BatchItem;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeInput;
import io.bitgetmargin.margin.MarginModeResult;
import io.bitgetmargin.margin.MarginModeService;
import io.bitgetmargin.margin.MarginModeState;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.security.AccessControl;
import io.bitgetmargin.security.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The margin-mode operations as both doors offer them (the REST facade and the agents' tools): the caller's access
 * check, the request's span attributes, the decision audit, and the batch's answer. Whichever door a request came by,
 * it is checked, limited, retried and recorded the same way.
 */
@ApplicationScoped
public class MarginModeOperations {

    private final MarginModeService service;
    private final AccessControl access;
    private final DecisionAudit audit;

    MarginModeOperations(MarginModeService service, AccessControl access, DecisionAudit audit) {
        this.service = service;
        this.access = access;
        this.audit = audit;
    }

    /** The symbol's current mode; needs margin:read. */
    public Uni<MarginModeState> read(Channel channel, String account, String symbol, String productType,
            String marginCoin) {
        return access.authorize(account, Scope.READ)
                .invoke(caller -> RequestSpans.asked(channel.span(), caller, account, symbol))
                .chain(caller -> caller.onBehalfOf().around(service.read(account, symbol, productType, marginCoin)));
    }

    /** Ensures the symbol has the mode ({@code verify}: read it back after a change); needs margin:write. */
    public Uni<MarginModeResult> ensure(Channel channel, String account, MarginModeInput input, boolean verify) {
        return ensure(channel, account, input, verify, false);
    }

    /**
     * As {@link #ensure(Channel, String, MarginModeInput, boolean)}; with {@code dryRun} it only reads (needs
     * margin:read), and answers {@code WOULD_CHANGE} or {@code UNCHANGED}.
     */
    public Uni<MarginModeResult> ensure(Channel channel, String account, MarginModeInput input, boolean verify,
            boolean dryRun) {
        return access.authorize(account, dryRun ? Scope.READ : Scope.WRITE)
                .invoke(caller -> RequestSpans.asked(channel.span(), caller, account, input))
                .chain(caller -> channel.changeBy(caller, account, request -> Uni.createFrom()
                        .deferred(() -> service.ensure(account, input, verify, dryRun))
                        .invoke(result -> RequestSpans.ensured(channel.span(), result))
                        .invoke(result -> audit.ensured(request, result))
                        .onFailure().invoke(failure -> audit.failed(request, account, input, failure))));
    }

    /** Ensures the mode for each symbol of a batch; needs margin:write, or margin:read for a dry run. */
    public Uni<BatchResponse> ensureAll(Channel channel, String account, BatchInput input) {
        Scope needed = input != null && Boolean.TRUE.equals(input.dryRun()) ? Scope.READ : Scope.WRITE;
        return access.authorize(account, needed)
                .invoke(caller -> RequestSpans.askedMany(channel.span(), caller, account,
                        input == null ? null : input.productType()))
                .chain(caller -> channel.changeBy(caller, account, request -> Uni.createFrom()
                        .deferred(() -> service.ensureAll(account, input))
                        .map(items -> answer(request, input, service.accountType(account).orElse(null), items))
                        .invoke(response -> audit.batch(request, response))));
    }

    private static BatchResponse answer(RequestFacts request, BatchInput input, AccountType accountType,
            List<BatchItem> items) {
        Map<Outcome, Integer> summary = new EnumMap<>(Outcome.class);
        List<BatchResponse.Result> results = items.stream().map(item -> {
            summary.merge(item.outcome(), 1, Integer::sum);
            return new BatchResponse.Result(item.symbol(), item.outcome(), item.marginMode(),
                    item.failure() == null ? null : Problems.describe(item.failure()).forRequest(request.requestId()));
        }).toList();
        MarginMode mode = MarginMode.parse(input.marginMode()).orElse(null);
        return new BatchResponse(input.productType() == null ? null : input.productType().strip().toUpperCase(Locale.ROOT),
                accountType, mode, Boolean.TRUE.equals(input.dryRun()), summary, results);
    }
}
