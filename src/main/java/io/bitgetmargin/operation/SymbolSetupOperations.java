package io.bitgetmargin.operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.audit.RequestFacts;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.security.AccessControl;
import io.bitgetmargin.security.Scope;
import io.bitgetmargin.setup.Setting;
import io.bitgetmargin.setup.SetupItem;
import io.bitgetmargin.setup.SetupStep;
import io.bitgetmargin.setup.SymbolSetupBatchInput;
import io.bitgetmargin.setup.SymbolSetupInput;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.bitgetmargin.setup.SymbolSetupService;
import io.smallrye.mutiny.Uni;

/**
 * The symbol-setup operations as both doors offer them (the REST facade and the agents' tools): the caller's access
 * check, the request's span attributes, an audit line per step, and the batch's answer.
 */
@ApplicationScoped
public class SymbolSetupOperations {

    private final SymbolSetupService service;
    private final AccessControl access;
    private final SetupAudit audit;

    SymbolSetupOperations(SymbolSetupService service, AccessControl access, SetupAudit audit) {
        this.service = service;
        this.access = access;
        this.audit = audit;
    }

    /** Sets up one symbol ({@code planOnly}: only read and plan); needs margin:write, or margin:read to plan. */
    public Uni<SymbolSetupResult> setUp(Channel channel, String account, SymbolSetupInput input, boolean planOnly) {
        return access.authorize(account, planOnly ? Scope.READ : Scope.WRITE)
                .invoke(caller -> RequestSpans.asked(channel.span(), caller, account, input))
                .chain(caller -> channel.changeBy(caller, account, request -> Uni.createFrom()
                        .deferred(() -> service.setUp(account, input, planOnly))
                        .invoke(result -> RequestSpans.setUp(channel.span(), result))
                        .invoke(result -> audit.done(request, result))
                        .onFailure().invoke(failure -> audit.failed(request, service.accountType(account), input,
                                failure))));
    }

    /** Sets up each symbol of a batch the same way; needs margin:write, or margin:read to plan. */
    public Uni<SymbolSetupBatchResponse> setUpAll(Channel channel, String account, SymbolSetupBatchInput input,
            boolean planOnly) {
        return access.authorize(account, planOnly ? Scope.READ : Scope.WRITE)
                .invoke(caller -> RequestSpans.askedMany(channel.span(), caller, account,
                        input == null ? null : input.productType()))
                .chain(caller -> channel.changeBy(caller, account, request -> Uni.createFrom()
                        .deferred(() -> service.setUpAll(account, input, planOnly))
                        .map(items -> answered(request, account, input, planOnly, items))));
    }

    /** The batch's answer, once each item is audited. */
    private SymbolSetupBatchResponse answered(RequestFacts request, String account, SymbolSetupBatchInput input,
            boolean planOnly, List<SetupItem> items) {
        AccountType type = service.accountType(account);
        String productType = input.productType() == null || input.productType().isBlank() ? null
                : input.productType().strip().toUpperCase(Locale.ROOT);
        items.forEach(item -> audit.item(request, type, productType, item));
        return answer(request, productType, type, planOnly, items);
    }

    private static SymbolSetupBatchResponse answer(RequestFacts request, String productType, AccountType type,
            boolean dryRun, List<SetupItem> items) {
        Map<Outcome, Integer> summary = new EnumMap<>(Outcome.class);
        Map<String, SetupStep> positionModes = new LinkedHashMap<>();
        List<SymbolSetupBatchResponse.Result> results = new ArrayList<>();
        for (SetupItem item : items) {
            summary.merge(item.outcome(), 1, Integer::sum);
            SymbolSetupResult result = item.result();
            if (result != null) {
                result.steps().stream().filter(step -> step.setting() == Setting.POSITION_MODE).findFirst()
                        .ifPresent(step -> positionModes.putIfAbsent(result.accountType() == AccountType.UNIFIED
                                ? "account" : result.productType().wireName(), step));
            }
            results.add(new SymbolSetupBatchResponse.Result(item.symbol(), item.outcome(),
                    result == null ? null : result.before(), result == null ? null : result.after(),
                    result == null ? null : result.steps(),
                    item.failure() == null ? null : Problems.describe(item.failure()).forRequest(request.requestId())));
        }
        List<SymbolSetupBatchResponse.PositionModeStep> steps = positionModes.entrySet().stream()
                .map(entry -> new SymbolSetupBatchResponse.PositionModeStep(entry.getKey(), entry.getValue())).toList();
        return new SymbolSetupBatchResponse(productType, type, dryRun, steps.isEmpty() ? null : steps, summary, results);
    }
}
