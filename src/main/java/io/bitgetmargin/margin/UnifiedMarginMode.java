package io.bitgetmargin.margin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.tracing.NestedSpans;
import io.smallrye.mutiny.Uni;

/**
 * The margin mode on a unified account, for {@link MarginModeService}: read from the account's settings, changed by
 * set-leverage with the symbol's current leverage, and always read back, because Bitget's answer does not say what it
 * did.
 */
final class UnifiedMarginMode {

    private final BitgetClient bitget;
    private final BitgetAccountTypes accountTypes;
    private final BatchConfig batch;
    /** Each symbol of a batch under a span of its own. */
    private final NestedSpans spans;

    UnifiedMarginMode(BitgetClient bitget, BitgetAccountTypes accountTypes, BatchConfig batch, NestedSpans spans) {
        this.bitget = bitget;
        this.accountTypes = accountTypes;
        this.batch = batch;
        this.spans = spans;
    }

    Uni<MarginModeState> read(String account, MarginModeTarget target) {
        return settings(account, target.productType(), null).map(settings -> settings.stateOf(target));
    }

    /**
     * Reads the settings, sends nothing when the mode is right (or no leverage is known), else set-leverage with the
     * current leverage, and always reads back: {@code CHANGED} only when the settings show the new mode.
     */
    Uni<MarginModeResult> ensure(String account, MarginModeChange change, boolean dryRun, Duration maxWait) {
        return settings(account, change.productType(), maxWait)
                .chain(before -> changeFrom(account, change, before, dryRun, maxWait));
    }

    private Uni<MarginModeResult> changeFrom(String account, MarginModeChange change, UnifiedSettings before,
            boolean dryRun, Duration maxWait) {
        MarginModeState current = before.stateOf(change.target());
        Optional<MarginModeResult> settled = change.settled(current, dryRun);
        if (settled.isPresent()) {
            return Uni.createFrom().item(settled.get());
        }
        return sendCalls(account, before.changeTo(change, current), maxWait)
                .chain(() -> readBack(account, change))
                .map(readBack -> applied(change, readBack));
    }

    /** The settings after a change was sent: a read that fails leaves the change unconfirmed, not failed. */
    private Uni<UnifiedSettings> readBack(String account, MarginModeChange change) {
        return settings(account, null, batch.maxWaitPerCall())
                .onFailure().transform(failure -> new ChangeUnconfirmedException(change.symbol(), change.marginMode(),
                        failure));
    }

    /**
     * A unified account's batch: one settings read for every symbol, the changes queued at the set-leverage lane
     * (which paces them), one settings read after them all. Fails only when the first read does.
     */
    Uni<Map<String, BatchItem>> batch(String account, List<MarginModeChange> changes, boolean dryRun) {
        return Uni.createFrom().deferred(() -> settings(account, null, batch.maxWaitPerCall()))
                .map(before -> plan(changes, before, dryRun))
                .chain(plan -> send(account, plan))
                .chain(sent -> confirm(account, sent));
    }

    /** What the first read decides: the items it settles, and the calls of the symbols whose mode must change. */
    private record Plan(Map<String, BatchItem> items, Map<MarginModeChange, List<SetLeverageRequest>> calls) {
    }

    /** The items once the calls answered, and the symbols whose calls Bitget accepted, for the read-back to confirm. */
    private record Sent(Map<String, BatchItem> items, List<MarginModeChange> accepted) {
    }

    private static Plan plan(List<MarginModeChange> changes, UnifiedSettings before, boolean dryRun) {
        Plan plan = new Plan(new HashMap<>(), new LinkedHashMap<>());
        for (MarginModeChange change : changes) {
            if (change.productType().isSimulated()) {
                plan.items().put(change.symbol(),
                        change.failed(InvalidRequestException.simulatedProductTypeOnUnified(change.productType())));
                continue;
            }
            MarginModeState current = before.stateOf(change.target());
            Optional<MarginModeResult> settled = change.settled(current, dryRun);
            if (settled.isPresent()) {
                plan.items().put(change.symbol(), change.item(settled.get()));
                continue;
            }
            try {
                plan.calls().put(change, before.changeTo(change, current));
            } catch (LeverageUnknownException unknown) {
                plan.items().put(change.symbol(), change.failed(unknown));
            }
        }
        return plan;
    }

    /** Every symbol's calls at once, each symbol under its span; a symbol whose calls are refused is a failed item. */
    private Uni<Sent> send(String account, Plan plan) {
        if (plan.calls().isEmpty()) {
            return Uni.createFrom().item(new Sent(plan.items(), List.of()));
        }
        List<MarginModeChange> toSend = List.copyOf(plan.calls().keySet());
        List<Uni<Throwable>> sends = toSend.stream()
                .map(change -> refusalOf(account, change, plan.calls().get(change))).toList();
        return Uni.join().all(sends).andFailFast().map(refusals -> splitByAnswer(plan.items(), toSend, refusals));
    }

    /** Sends one symbol's calls; null when Bitget accepted them, else why not. */
    private Uni<Throwable> refusalOf(String account, MarginModeChange change, List<SetLeverageRequest> calls) {
        return spans.symbol(change.symbol(), sendCalls(account, calls, batch.maxWaitPerCall()), sent -> null)
                .map(sent -> (Throwable) null).onFailure().recoverWithItem(refusal -> refusal);
    }

    /** The symbols Bitget accepted apart from those it refused, which become failed items. */
    private static Sent splitByAnswer(Map<String, BatchItem> items, List<MarginModeChange> sent,
            List<Throwable> refusals) {
        List<MarginModeChange> accepted = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (refusals.get(i) == null) {
                accepted.add(sent.get(i));
            } else {
                items.put(sent.get(i).symbol(), sent.get(i).failed(refusals.get(i)));
            }
        }
        return new Sent(items, accepted);
    }

    /** One settings read for all the accepted symbols; when it fails, their changes are unconfirmed. */
    private Uni<Map<String, BatchItem>> confirm(String account, Sent sent) {
        if (sent.accepted().isEmpty()) {
            return Uni.createFrom().item(sent.items());
        }
        return settings(account, null, batch.maxWaitPerCall())
                .map(readBack -> confirmed(sent, readBack))
                .onFailure().recoverWithItem(readBackFailure -> unconfirmed(sent, readBackFailure));
    }

    private static Map<String, BatchItem> confirmed(Sent sent, UnifiedSettings readBack) {
        for (MarginModeChange change : sent.accepted()) {
            sent.items().put(change.symbol(), confirmedItem(change, readBack));
        }
        return sent.items();
    }

    private static Map<String, BatchItem> unconfirmed(Sent sent, Throwable readBackFailure) {
        for (MarginModeChange change : sent.accepted()) {
            sent.items().put(change.symbol(), change.failed(new ChangeUnconfirmedException(change.symbol(),
                    change.marginMode(), readBackFailure)));
        }
        return sent.items();
    }

    private static BatchItem confirmedItem(MarginModeChange change, UnifiedSettings readBack) {
        try {
            return change.item(applied(change, readBack));
        } catch (NotAppliedException | BitgetException unreadableOrNotApplied) {
            return change.failed(unreadableOrNotApplied);
        }
    }

    /** The result when the read-back shows the new mode; else the change was not applied. */
    private static MarginModeResult applied(MarginModeChange change, UnifiedSettings readBack) {
        MarginModeState after = readBack.stateOf(change.target());
        if (after.marginMode() != change.marginMode()) {
            throw new NotAppliedException(change.symbol(), change.marginMode(), after.marginMode(), readBack.holdMode(),
                    readBack.accountLevel());
        }
        return change.result(after, Outcome.CHANGED);
    }

    /**
     * The calls one after the other: the second side of a hedge-mode change only once the first was accepted. When the
     * caller hangs up after one of them was sent, it ends without failing: the read-back that follows tells what
     * took.
     */
    private Uni<Void> sendCalls(String account, List<SetLeverageRequest> requests, Duration maxWait) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (int i = 0; i < requests.size(); i++) {
            SetLeverageRequest request = requests.get(i);
            boolean earlierAccepted = i > 0;
            sent = sent.chain(() -> sendCall(account, request, earlierAccepted, maxWait));
        }
        return sent;
    }

    private Uni<Void> sendCall(String account, SetLeverageRequest request, boolean earlierAccepted, Duration maxWait) {
        return bitget.setLeverage(account, request, maxWait).replaceWithVoid()
                .onFailure(failure -> failure instanceof CallerGoneException callerGone
                        && (callerGone.sent() || earlierAccepted))
                .recoverWithNull();
    }

    /**
     * A unified account's settings; a product type, when given, is checked first (nothing is sent for an S-prefixed
     * one). An account Bitget is moving between types is forgotten, so that its type is learnt afresh.
     */
    private Uni<UnifiedSettings> settings(String account, ProductType productType, Duration maxWait) {
        if (productType != null && productType.isSimulated()) {
            return Uni.createFrom().failure(InvalidRequestException.simulatedProductTypeOnUnified(productType));
        }
        return bitget.accountSettings(account, maxWait).map(UnifiedSettings::of)
                .onFailure(AccountSwitchingException.class).invoke(switching -> accountTypes.forget(account));
    }
}
