package io.bitgetmargin.setup;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetContracts;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.ContractData;
import io.bitgetmargin.bitget.SetHoldModeRequest;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.bitget.SetPositionModeRequest;
import io.bitgetmargin.margin.AccountSwitchingException;
import io.bitgetmargin.margin.BatchConfig;
import io.bitgetmargin.margin.ChangeUnconfirmedException;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeNormaliser;
import io.bitgetmargin.margin.MarginModeState;
import io.bitgetmargin.margin.MarginModeTarget;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.margin.ProductType;
import io.bitgetmargin.margin.UnifiedSettings;
import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.bitgetmargin.tracing.SymbolSpans;
import io.smallrye.mutiny.Uni;

/**
 * Makes symbols have a margin mode, a leverage and a position mode, and says exactly what changed. For each symbol it
 * checks the leverage against the contract's range (Bitget's contracts list, cached), reads the current settings,
 * sends only the steps that differ, in Bitget's order (position mode, then margin mode, then leverage), and reads
 * back: the answer is the observed state, not the requested one. A refused step stops that symbol's later steps; the
 * earlier ones stay applied and are reported so. Nothing is rolled back, and no refusal is retried.
 * <p>
 * The position mode belongs to a whole product type (classic) or account (unified), so it is decided and written
 * once per product type or account, before the symbols, never per symbol. Its read-back is each symbol's: the
 * symbol's settings are read again after that write, since whether a switch resets a symbol's other settings is not
 * documented (SETUP.md §12.4). Symbols then run side by side, each its steps in order, paced by the limiter lanes of
 * the endpoints they call. Every {@link Uni} returned never blocks the thread that subscribes to it.
 */
@ApplicationScoped
public class SymbolSetupService {

    private final BitgetClient bitget;
    private final BitgetAccountTypes accountTypes;
    private final BitgetContracts contracts;
    private final BatchConfig batch;
    /** Each symbol's own calls under a span of its own. */
    private final SymbolSpans spans;

    SymbolSetupService(BitgetClient bitget, BitgetAccountTypes accountTypes, BitgetContracts contracts,
            BatchConfig batch, SymbolSpans spans) {
        this.spans = spans;
        this.bitget = bitget;
        this.accountTypes = accountTypes;
        this.contracts = contracts;
        this.batch = batch;
    }

    /**
     * Sets up one symbol.
     *
     * @return the result, when every step ended as asked; fails with {@link InvalidRequestException},
     *         {@link LeverageOutOfRangeException} or {@link UnknownContractException} (nothing sent), a Bitget failure
     *         before any step, or {@link SetupFailedException} with the steps when a step did not end as asked
     */
    public Uni<SymbolSetupResult> setUp(String account, SymbolSetupInput input, boolean dryRun) {
        return Uni.createFrom().item(() -> SetupNormaliser.normalise(input))
                .flatMap(desired -> outsideContracts(List.of(desired)).flatMap(refused -> refused.isEmpty()
                        ? accountTypes.byType(account, type -> run(account, type, List.of(desired), dryRun, null))
                        : Uni.createFrom().failure(refused.get(desired.symbol()))))
                .map(items -> {
                    SetupItem item = items.get(0);
                    if (item.failure() == null) {
                        return item.result();
                    }
                    if (item.result() == null) {
                        throw unchecked(item.failure());
                    }
                    throw new SetupFailedException(item.result(), item.failure());
                });
    }

    /**
     * Sets up many symbols with one setup. Duplicates are handled once; one symbol's failure never stops the others,
     * except a refused position mode, which every symbol of its product type (or of the unified account) needs.
     *
     * @return one item per distinct symbol, in request order
     */
    public Uni<List<SetupItem>> setUpAll(String account, SymbolSetupBatchInput input, boolean dryRun) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with symbols and at least one of marginMode, "
                    + "leverage and posMode is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DesiredSetup settings = SetupNormaliser.settings(input.marginMode(), input.leverage(), null, null,
                input.posMode(), problems);
        if (input.symbols() == null || input.symbols().isEmpty()) {
            problems.add(new FieldProblem("symbols", "must list at least one symbol"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, Object> distinct = new LinkedHashMap<>();
        MarginModeNormaliser.distinctTargets(input.symbols(), input.productType(), input.marginCoin(), batch.maxSymbols())
                .forEach((symbol, normalised) -> distinct.put(symbol, normalised instanceof MarginModeTarget target
                        ? settings.forTarget(target) : normalised));
        List<DesiredSetup> valid = distinct.values().stream().filter(DesiredSetup.class::isInstance)
                .map(DesiredSetup.class::cast).toList();
        return outsideContracts(valid).flatMap(refused -> {
            List<DesiredSetup> checked = valid.stream().filter(setup -> !refused.containsKey(setup.symbol())).toList();
            Uni<List<SetupItem>> done = checked.isEmpty() ? Uni.createFrom().item(List.of())
                    : accountTypes.byType(account, type -> run(account, type, checked, dryRun, batch.maxWaitPerCall()));
            return done.map(items -> {
                Map<String, SetupItem> bySymbol = new LinkedHashMap<>();
                items.forEach(item -> bySymbol.put(item.symbol(), item));
                refused.forEach((symbol, failure) -> bySymbol.put(symbol, new SetupItem(symbol, null, failure)));
                List<SetupItem> ordered = new ArrayList<>();
                distinct.forEach((symbol, normalised) -> ordered.add(normalised instanceof DesiredSetup
                        ? bySymbol.get(symbol) : new SetupItem(symbol, null, (Throwable) normalised)));
                return ordered;
            });
        });
    }

    /** The account's type when it is configured or has been learnt from Bitget's answers; null otherwise. */
    public AccountType accountType(String account) {
        return accountTypes.known(account).orElse(null);
    }

    /**
     * The symbols whose leverage Bitget's contracts list refuses: not listed, or outside {@code minLever} to
     * {@code maxLever}. One list per product type; symbols that ask no leverage are not looked up.
     */
    private Uni<Map<String, Throwable>> outsideContracts(List<DesiredSetup> setups) {
        List<DesiredSetup> asking = setups.stream().filter(DesiredSetup::asksLeverage).toList();
        if (asking.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Throwable> refused = new ConcurrentHashMap<>();
        List<Uni<Void>> checks = asking.stream().map(setup -> contracts.find(setup.productType().wireName(),
                setup.symbol()).invoke(contract -> outOfRange(setup, contract)
                        .ifPresent(failure -> refused.put(setup.symbol(), failure)))
                .onFailure().invoke(failure -> refused.put(setup.symbol(), failure))
                .onFailure().recoverWithNull().replaceWithVoid()).toList();
        return Uni.join().all(checks).andFailFast().map(ignored -> refused);
    }

    private static Optional<Throwable> outOfRange(DesiredSetup setup, Optional<ContractData> listed) {
        if (listed.isEmpty()) {
            return Optional.of(new UnknownContractException(setup.symbol(), setup.productType()));
        }
        ContractData contract = listed.get();
        BigDecimal min = contract.minLever() == null ? BigDecimal.ONE : contract.minLever();
        BigDecimal max = contract.maxLever();
        for (Map.Entry<String, BigDecimal> asked : asked(setup).entrySet()) {
            BigDecimal value = asked.getValue();
            if (value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
                return Optional.of(new LeverageOutOfRangeException(asked.getKey(), setup.symbol(), value, min, max));
            }
        }
        return Optional.empty();
    }

    private static Map<String, BigDecimal> asked(DesiredSetup setup) {
        Map<String, BigDecimal> asked = new LinkedHashMap<>();
        if (setup.leverage() != null) {
            asked.put("leverage", setup.leverage());
        }
        if (setup.longLeverage() != null) {
            asked.put("longLeverage", setup.longLeverage());
        }
        if (setup.shortLeverage() != null) {
            asked.put("shortLeverage", setup.shortLeverage());
        }
        return asked;
    }

    /**
     * The symbols on an account of {@code type}. Fails only when Bitget refuses the type's API (so that the caller
     * runs it again on the other type) or the unified account's first settings read fails; everything else becomes
     * failed items.
     *
     * @param firstWait the longest wait for the first read (null: the configured one); later calls wait as a batch's
     */
    private Uni<List<SetupItem>> run(String account, AccountType type, List<DesiredSetup> setups, boolean dryRun,
            Duration firstWait) {
        if (type == AccountType.UNIFIED) {
            return unified(account, setups, dryRun, firstWait);
        }
        Map<ProductType, List<DesiredSetup>> byProductType = new LinkedHashMap<>();
        setups.forEach(setup -> byProductType.computeIfAbsent(setup.productType(), key -> new ArrayList<>()).add(setup));
        List<Uni<List<SetupItem>>> groups = byProductType.values().stream()
                .map(group -> classic(account, group, dryRun, firstWait)).toList();
        return Uni.join().all(groups).andFailFast().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    // ---- classic accounts -----------------------------------------------------------------------------------------

    /**
     * The symbols of one product type: the first one read decides the position-mode step, which is sent once. A
     * setup that its own settings make invalid (per-side leverage where the symbol will have one leverage) is refused
     * before that write, so that a refused request has sent nothing.
     */
    private Uni<List<SetupItem>> classic(String account, List<DesiredSetup> group, boolean dryRun, Duration firstWait) {
        Map<String, SetupItem> failedReads = new ConcurrentHashMap<>();
        return firstRead(account, group, 0, firstWait, failedReads).flatMap(first -> {
            List<SetupItem> items = new ArrayList<>(failedReads.values());
            if (first == null) {
                return Uni.createFrom().item(items);
            }
            DesiredSetup firstSetup = group.get(first.index());
            List<DesiredSetup> others = group.subList(first.index() + 1, group.size());
            boolean firstValid = true;
            try {
                SetupPlan.classic(firstSetup, first.settings());
            } catch (RuntimeException invalid) {
                items.add(new SetupItem(firstSetup.symbol(), null, invalid));
                firstValid = false;
            }
            PositionMode posMode = firstSetup.posMode();
            SetupStep posStep = posMode == null ? null
                    : new SetupStep(Setting.POSITION_MODE, first.settings().valueOf(Setting.POSITION_MODE, false),
                            posMode.wireName(), null, null);
            boolean withFirst = firstValid;
            if (posStep == null || !posStep.needsChange() || dryRun) {
                SetupStep decided = posStep == null ? null
                        : posStep.with(posStep.needsChange() ? StepOutcome.WOULD_CHANGE : StepOutcome.UNCHANGED);
                return classicSymbols(account, withFirst ? firstSetup : null, first.settings(), first.settings(), others,
                        decided, dryRun).map(done -> concat(items, done));
            }
            if (!withFirst && others.isEmpty()) {
                return Uni.createFrom().item(items);
            }
            SetPositionModeRequest request = new SetPositionModeRequest(firstSetup.productType().wireName(),
                    posMode.wireName());
            Uni<Decided> written = decide(posStep, bitget.setPositionMode(account, request, batch.maxWaitPerCall()))
                    .flatMap(decided -> !maybeApplied(decided.refusal()) ? Uni.createFrom().item(decided)
                            // No answer is not a refusal: the switch may have been applied, and a read tells.
                            : readClassic(account, firstSetup.target(), batch.maxWaitPerCall())
                                    .map(again -> again.posMode() == posMode
                                            ? new Decided(posStep.with(StepOutcome.ACCEPTED), null) : decided)
                                    .onFailure().recoverWithItem(decided));
            return written.flatMap(decided -> {
                if (decided.refusal() != null) {
                    List<SetupItem> refused = new ArrayList<>();
                    if (withFirst) {
                        refused.add(skippedAfter(firstSetup, first.settings(), decided.step(), decided.refusal(),
                                AccountType.CLASSIC));
                    }
                    others.forEach(setup -> refused.add(skippedAfter(setup, null, decided.step(), decided.refusal(),
                            AccountType.CLASSIC)));
                    return Uni.createFrom().item(concat(items, refused));
                }
                // Everything is read again: the switch may have reset what the first read showed.
                return classicSymbols(account, withFirst ? firstSetup : null, null, first.settings(), others,
                        decided.step(), false).map(done -> concat(items, done));
            });
        });
    }

    /** A position-mode step once its one write answered: ACCEPTED, or FAILED with the refusal. */
    private record Decided(SetupStep step, Throwable refusal) {
    }

    private static Uni<Decided> decide(SetupStep posStep, Uni<?> write) {
        return write.map(accepted -> new Decided(posStep.with(StepOutcome.ACCEPTED), null))
                .onFailure().recoverWithItem(failure -> new Decided(posStep.failed(BitgetException.codeOf(failure)), failure));
    }

    /**
     * Whether a failed write may have been applied all the same: it was sent and no answer said no (a timeout, a
     * dropped connection, a 5xx). A refusal, a full queue and an open breaker sent nothing that took effect.
     */
    private static boolean maybeApplied(Throwable failure) {
        return failure != null && !(failure instanceof BitgetException.Rejected)
                && !(failure instanceof BitgetException.CircuitOpen) && !(failure instanceof RateLimitExceededException)
                && !(failure instanceof BitgetException.EgressProxyRefused)
                && !(failure instanceof CallerGoneException gone && !gone.sent());
    }

    private record FirstRead(int index, SymbolSettings settings) {
    }

    /**
     * Reads the symbols in order until one answers; those that fail before it are done (failed). A refusal of the
     * classic API fails the whole run, so that it runs again on the unified one.
     */
    private Uni<FirstRead> firstRead(String account, List<DesiredSetup> group, int index, Duration firstWait,
            Map<String, SetupItem> failed) {
        if (index >= group.size()) {
            return Uni.createFrom().nullItem();
        }
        DesiredSetup setup = group.get(index);
        return readClassic(account, setup.target(), firstWait).map(settings -> new FirstRead(index, settings))
                .onFailure(failure -> !BitgetAccountTypes.isWrongAccountType(failure)).recoverWithUni(failure -> {
                    failed.put(setup.symbol(), new SetupItem(setup.symbol(), null, failure));
                    return firstRead(account, group, index + 1, batch.maxWaitPerCall(), failed);
                });
    }

    /** The first symbol (its settings known unless the position mode was just written) and the others, side by side. */
    private Uni<List<SetupItem>> classicSymbols(String account, DesiredSetup first, SymbolSettings firstKnown,
            SymbolSettings firstBefore, List<DesiredSetup> others, SetupStep posStep, boolean dryRun) {
        List<Uni<SetupItem>> symbols = new ArrayList<>();
        if (first != null) {
            symbols.add(spans.symbol(first.symbol(), classicSymbol(account, first, firstKnown, firstBefore, posStep,
                    dryRun), item -> item.outcome().name()));
        }
        others.forEach(setup -> symbols.add(spans.symbol(setup.symbol(), classicSymbol(account, setup, null, null,
                posStep, dryRun), item -> item.outcome().name())));
        return symbols.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(symbols).andFailFast();
    }

    /**
     * One classic symbol after its product type's position-mode step: read (unless known), plan, margin mode, then
     * leverage, then read back. Never fails: every failure becomes the item's.
     */
    private Uni<SetupItem> classicSymbol(String account, DesiredSetup desired, SymbolSettings known,
            SymbolSettings reportedBefore, SetupStep posStep, boolean dryRun) {
        Duration wait = batch.maxWaitPerCall();
        Uni<SymbolSettings> read = known != null ? Uni.createFrom().item(known) : readClassic(account, desired.target(), wait);
        return read.flatMap(now -> {
            SymbolSettings before = reportedBefore != null ? reportedBefore : now;
            Run run = new Run(withPositionStep(SetupPlan.classic(desired, now), posStep));
            if (dryRun) {
                return Uni.createFrom().item(run.dryRun(desired, AccountType.CLASSIC, before));
            }
            List<Action> actions = new ArrayList<>();
            run.step(Setting.MARGIN_MODE).filter(SetupStep::needsChange).ifPresent(step -> actions.add(new Action(
                    List.of(Setting.MARGIN_MODE), () -> bitget.setMarginMode(account, new SetMarginModeRequest(
                            desired.symbol(), desired.productType().wireName(), desired.marginCoin(), step.to()), wait))));
            SetupPlan.classicLeverageCalls(desired, now, run.steps).forEach(call -> actions.add(new Action(call.covers(),
                    () -> bitget.setFuturesLeverage(account, call.body(), wait))));
            return run.execute(actions).flatMap(ignored -> !run.sent ? Uni.createFrom().item(run.done(desired,
                    AccountType.CLASSIC, before, now, false))
                    : readClassic(account, desired.target(), wait)
                            .map(after -> run.done(desired, AccountType.CLASSIC, before, after, false))
                            .onFailure().recoverWithItem(readBackFailure -> run.unconfirmed(desired, AccountType.CLASSIC,
                                    before, readBackFailure)));
        }).onFailure().recoverWithItem(failure -> failedAfter(desired, posStep, failure, AccountType.CLASSIC));
    }

    /**
     * A symbol that failed before its own steps: with the position-mode step when that was written for its product
     * type or account (the symbol has that mode now, and the answer must say so), else with no result.
     */
    private static SetupItem failedAfter(DesiredSetup desired, SetupStep posStep, Throwable failure, AccountType type) {
        return posStep != null && posStep.outcome() == StepOutcome.ACCEPTED
                ? skippedAfter(desired, null, posStep, failure, type)
                : new SetupItem(desired.symbol(), null, failure);
    }

    private Uni<SymbolSettings> readClassic(String account, MarginModeTarget target, Duration maxWait) {
        return bitget.account(account, target.symbol(), target.productType().wireName(), target.marginCoin(), maxWait)
                .map(data -> classicSettings(target, data));
    }

    private static SymbolSettings classicSettings(MarginModeTarget target, AccountData data) {
        Optional<MarginMode> mode = data == null ? Optional.empty() : MarginMode.fromWire(data.marginMode());
        Optional<PositionMode> posMode = data == null ? Optional.empty() : PositionMode.parse(data.posMode());
        if (mode.isEmpty() || posMode.isEmpty()) {
            throw new BitgetException.Unavailable("the account answer has no margin mode or position mode for "
                    + target.symbol(), null, false);
        }
        return new SymbolSettings(mode.get(), posMode.get(), data.crossedMarginLeverage(), data.isolatedLongLever(),
                data.isolatedShortLever(), null);
    }

    // ---- unified accounts -----------------------------------------------------------------------------------------

    /**
     * A unified account's symbols: one settings read for all, the hold mode once for the account, the set-leverage
     * calls (margin mode and leverage in one) of each symbol queued at their lane, one settings read after them all.
     */
    private Uni<List<SetupItem>> unified(String account, List<DesiredSetup> setups, boolean dryRun, Duration firstWait) {
        List<SetupItem> invalid = new ArrayList<>();
        List<DesiredSetup> valid = new ArrayList<>();
        for (DesiredSetup setup : setups) {
            if (setup.productType().isSimulated()) {
                invalid.add(new SetupItem(setup.symbol(), null,
                        InvalidRequestException.simulatedProductTypeOnUnified(setup.productType())));
            } else {
                valid.add(setup);
            }
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(invalid);
        }
        Duration wait = batch.maxWaitPerCall();
        PositionMode posMode = valid.get(0).posMode();
        return settings(account, firstWait).flatMap(first -> {
            // What the settings make invalid is refused before the hold-mode write, so that it sends nothing.
            List<SetupItem> refused = new ArrayList<>();
            List<DesiredSetup> checked = new ArrayList<>();
            for (DesiredSetup setup : valid) {
                SymbolSettings now = unifiedSettings(first, setup.target());
                try {
                    SetupPlan.unifiedCalls(setup, now, SetupPlan.unified(setup, now));
                    checked.add(setup);
                } catch (RuntimeException invalidHere) {
                    refused.add(new SetupItem(setup.symbol(), null, invalidHere));
                }
            }
            if (checked.isEmpty()) {
                return Uni.createFrom().item(refused);
            }
            SymbolSettings any = unifiedSettings(first, checked.get(0).target());
            SetupStep posStep = posMode == null ? null : new SetupStep(Setting.POSITION_MODE,
                    any.valueOf(Setting.POSITION_MODE, true), posMode.wireName(), null, null);
            if (posStep == null || !posStep.needsChange() || dryRun) {
                SetupStep decided = posStep == null ? null
                        : posStep.with(posStep.needsChange() ? StepOutcome.WOULD_CHANGE : StepOutcome.UNCHANGED);
                return unifiedSymbols(account, checked, first, first, decided, dryRun).map(done -> concat(refused, done));
            }
            Uni<Decided> written = decide(posStep, bitget.setHoldMode(account, new SetHoldModeRequest(posMode.wireName()),
                    wait)).flatMap(decided -> !maybeApplied(decided.refusal()) ? Uni.createFrom().item(decided)
                            : settings(account, wait).map(again -> posMode.wireName().equalsIgnoreCase(again.holdMode())
                                    ? new Decided(posStep.with(StepOutcome.ACCEPTED), null) : decided)
                                    .onFailure().recoverWithItem(decided));
            return written.flatMap(decided -> {
                if (decided.refusal() != null) {
                    return Uni.createFrom().item(concat(refused, checked.stream().map(setup -> skippedAfter(setup,
                            unifiedSettings(first, setup.target()), decided.step(), decided.refusal(),
                            AccountType.UNIFIED)).toList()));
                }
                // Read again: the switch may have reset what the first read showed.
                return settings(account, wait)
                        .flatMap(again -> unifiedSymbols(account, checked, first, again, decided.step(), false))
                        .onFailure().recoverWithItem(readFailure -> checked.stream()
                                .map(setup -> new Run(List.of(decided.step())).unconfirmed(setup, AccountType.UNIFIED,
                                        unifiedSettings(first, setup.target()), readFailure))
                                .toList())
                        .map(done -> concat(refused, done));
            });
        }).onFailure(failure -> !BitgetAccountTypes.isWrongAccountType(failure)).recoverWithItem(failure -> valid.stream()
                .map(setup -> new SetupItem(setup.symbol(), null, failure)).toList())
                .map(items -> concat(invalid, items));
    }

    private Uni<List<SetupItem>> unifiedSymbols(String account, List<DesiredSetup> setups, UnifiedSettings before,
            UnifiedSettings now, SetupStep posStep, boolean dryRun) {
        Duration wait = batch.maxWaitPerCall();
        Map<DesiredSetup, Run> runs = new LinkedHashMap<>();
        Map<DesiredSetup, SetupItem> done = new LinkedHashMap<>();
        List<Uni<Void>> sends = new ArrayList<>();
        for (DesiredSetup setup : setups) {
            SymbolSettings current = unifiedSettings(now, setup.target());
            SymbolSettings reported = unifiedSettings(before, setup.target());
            try {
                Run run = new Run(withPositionStep(SetupPlan.unified(setup, current), posStep));
                List<SetLeverageRequest> calls = SetupPlan.unifiedCalls(setup, current, run.steps);
                if (dryRun) {
                    done.put(setup, run.dryRun(setup, AccountType.UNIFIED, reported));
                    continue;
                }
                runs.put(setup, run);
                List<Setting> covers = List.of(Setting.MARGIN_MODE, Setting.LEVERAGE);
                List<Action> actions = calls.stream().map(call -> new Action(covers,
                        () -> bitget.setLeverage(account, call, wait))).toList();
                sends.add(spans.symbol(setup.symbol(), run.execute(actions), sent -> null));
            } catch (RuntimeException invalid) {
                done.put(setup, failedAfter(setup, posStep, invalid, AccountType.UNIFIED));
            }
        }
        Uni<Void> sent = sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andFailFast().replaceWithVoid();
        return sent.flatMap(ignored -> {
            boolean anySent = runs.values().stream().anyMatch(run -> run.sent);
            if (!anySent) {
                runs.forEach((setup, run) -> done.put(setup, run.done(setup, AccountType.UNIFIED,
                        unifiedSettings(before, setup.target()), unifiedSettings(now, setup.target()), true)));
                return Uni.createFrom().item(done);
            }
            return settings(account, wait).map(readBack -> {
                runs.forEach((setup, run) -> done.put(setup, run.done(setup, AccountType.UNIFIED,
                        unifiedSettings(before, setup.target()), unifiedSettings(readBack, setup.target()), true)));
                return done;
            }).onFailure().recoverWithItem(readBackFailure -> {
                runs.forEach((setup, run) -> done.put(setup, run.unconfirmed(setup, AccountType.UNIFIED,
                        unifiedSettings(before, setup.target()), readBackFailure)));
                return done;
            });
        }).map(bySetup -> setups.stream().map(bySetup::get).toList());
    }

    private Uni<UnifiedSettings> settings(String account, Duration maxWait) {
        return bitget.accountSettings(account, maxWait).map(UnifiedSettings::of)
                .onFailure(AccountSwitchingException.class).invoke(switching -> accountTypes.forget(account));
    }

    private static SymbolSettings unifiedSettings(UnifiedSettings settings, MarginModeTarget target) {
        MarginModeState state = settings.stateOf(target);
        return new SymbolSettings(state.marginMode(), PositionMode.parse(settings.holdMode()).orElse(null), null, null,
                null, state.leverage());
    }

    // ---- steps as they are sent -----------------------------------------------------------------------------------

    /** A call and the steps it changes. */
    private record Action(List<Setting> covers, Supplier<Uni<?>> send) {
    }

    /**
     * One symbol's steps while they are sent, one after the other: the first failure skips the rest. Its fields are
     * written by one chain of calls at a time, each after the one before, and read once the chain is done.
     */
    private static final class Run {
        private final List<SetupStep> steps;
        private volatile Throwable failure;
        private volatile boolean sent;

        Run(List<SetupStep> planned) {
            this.steps = new ArrayList<>();
            for (SetupStep step : planned) {
                // A step decided before (the product type's position mode) keeps its outcome.
                steps.add(step.outcome() != null ? step : step.needsChange() ? step : step.with(StepOutcome.UNCHANGED));
            }
            this.sent = steps.stream().anyMatch(step -> step.outcome() == StepOutcome.ACCEPTED);
        }

        Optional<SetupStep> step(Setting setting) {
            return steps.stream().filter(step -> step.setting() == setting).findFirst();
        }

        Uni<Void> execute(List<Action> actions) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Action action : actions) {
                chain = chain.flatMap(ignored -> {
                    if (failure != null) {
                        mark(action.covers(), StepOutcome.SKIPPED, null);
                        return Uni.createFrom().voidItem();
                    }
                    boolean sentBefore = sent;
                    sent = true;
                    return action.send().get()
                            .onItem().invoke(accepted -> mark(action.covers(), StepOutcome.ACCEPTED, null))
                            .onFailure().recoverWithItem(refusal -> {
                                if (refusal instanceof CallerGoneException gone && !gone.sent()) {
                                    // The caller hung up before this step went out: nothing of it was sent.
                                    sent = sentBefore;
                                    mark(action.covers(), StepOutcome.SKIPPED, null);
                                    failure = refusal;
                                } else if (refusal instanceof BitgetException.Rejected rejected
                                        && BitgetErrorCode.isLeverageUnchanged(rejected.bitgetCode())) {
                                    mark(action.covers(), StepOutcome.ACCEPTED, null);
                                } else {
                                    // Also over an ACCEPTED: the calls of both sides cover the same steps.
                                    steps.replaceAll(step -> action.covers().contains(step.setting())
                                            && (step.outcome() == null || step.outcome() == StepOutcome.ACCEPTED)
                                                    ? step.failed(BitgetException.codeOf(refusal)) : step);
                                    failure = refusal;
                                }
                                return null;
                            })
                            .replaceWithVoid();
                });
            }
            return chain;
        }

        /** Marks the steps of {@code covers} that are still to be sent. */
        private void mark(List<Setting> covers, StepOutcome outcome, String bitgetCode) {
            steps.replaceAll(step -> step.outcome() == null && covers.contains(step.setting())
                    ? new SetupStep(step.setting(), step.from(), step.to(), outcome, bitgetCode) : step);
        }

        SetupItem dryRun(DesiredSetup desired, AccountType type, SymbolSettings before) {
            steps.replaceAll(step -> step.outcome() == null ? step.with(StepOutcome.WOULD_CHANGE) : step);
            boolean would = steps.stream().anyMatch(step -> step.outcome() == StepOutcome.WOULD_CHANGE);
            return new SetupItem(desired.symbol(), result(desired, type, would ? Outcome.WOULD_CHANGE : Outcome.UNCHANGED,
                    before, null), null);
        }

        /** The item once {@code after} was read back (or, when nothing was sent, is the state read before). */
        SetupItem done(DesiredSetup desired, AccountType type, SymbolSettings before, SymbolSettings after,
                boolean unified) {
            steps.replaceAll(step -> step.outcome() == null ? step.with(StepOutcome.SKIPPED) : step);
            List<String> notApplied = new ArrayList<>();
            steps.replaceAll(step -> {
                if (step.outcome() == StepOutcome.FAILED && maybeApplied(failure)
                        && step.to().equals(after.valueOf(step.setting(), unified))) {
                    // Sent and not answered, yet applied: the read-back is the answer.
                    return step.with(StepOutcome.CHANGED);
                }
                boolean expected = step.outcome() == StepOutcome.ACCEPTED || step.outcome() == StepOutcome.UNCHANGED;
                if (!expected) {
                    return step;
                }
                String observed = after.valueOf(step.setting(), unified);
                if (step.to().equals(observed)) {
                    return step.outcome() == StepOutcome.ACCEPTED ? step.with(StepOutcome.CHANGED) : step;
                }
                notApplied.add(step.setting().field() + " " + step.to() + " (read back: " + observed + ")");
                return step.with(StepOutcome.NOT_APPLIED);
            });
            Throwable problem = failure;
            if (problem == null && !notApplied.isEmpty()) {
                problem = new NotAppliedException("Bitget accepted the setup of " + desired.symbol()
                        + ", but reading it back does not show " + String.join(", ", notApplied));
            }
            boolean changed = steps.stream().anyMatch(step -> step.outcome() == StepOutcome.CHANGED);
            return new SetupItem(desired.symbol(), result(desired, type, changed ? Outcome.CHANGED : Outcome.UNCHANGED,
                    before, after), problem);
        }

        /** The item when the read-back failed: what was accepted stays ACCEPTED, unseen. */
        SetupItem unconfirmed(DesiredSetup desired, AccountType type, SymbolSettings before, Throwable readBackFailure) {
            steps.replaceAll(step -> step.outcome() == null ? step.with(StepOutcome.SKIPPED) : step);
            Throwable problem = failure != null ? failure
                    : new ChangeUnconfirmedException("the setup of " + desired.symbol(), readBackFailure);
            return new SetupItem(desired.symbol(), result(desired, type, Outcome.CHANGED, before, null), problem);
        }

        private SymbolSetupResult result(DesiredSetup desired, AccountType type, Outcome outcome, SymbolSettings before,
                SymbolSettings after) {
            return new SymbolSetupResult(desired.symbol(), desired.productType(), desired.marginCoin(), type, outcome,
                    before, after, List.copyOf(steps));
        }
    }

    /** The steps with the position-mode step as the product type's (or account's) decided it. */
    private static List<SetupStep> withPositionStep(List<SetupStep> steps, SetupStep posStep) {
        if (posStep == null) {
            return steps;
        }
        return steps.stream().map(step -> step.setting() == Setting.POSITION_MODE ? posStep : step).toList();
    }

    /** A symbol after a refused position-mode step: its other steps skipped, with their current values if read. */
    private static SetupItem skippedAfter(DesiredSetup setup, SymbolSettings settings, SetupStep refused,
            Throwable refusal, AccountType type) {
        List<SetupStep> steps = new ArrayList<>();
        steps.add(refused);
        steps.addAll(requested(setup, settings, type == AccountType.UNIFIED));
        return new SetupItem(setup.symbol(), new SymbolSetupResult(setup.symbol(), setup.productType(),
                setup.marginCoin(), type, Outcome.UNCHANGED, settings, settings, List.copyOf(steps)), refusal);
    }

    /** The margin-mode and leverage steps asked for, skipped, with their values when the symbol was read. */
    private static List<SetupStep> requested(DesiredSetup setup, SymbolSettings settings, boolean unified) {
        List<SetupStep> steps = new ArrayList<>();
        if (settings != null) {
            try {
                (unified ? SetupPlan.unified(setup, settings) : SetupPlan.classic(setup, settings)).stream()
                        .filter(step -> step.setting() != Setting.POSITION_MODE)
                        .forEach(step -> steps.add(step.with(StepOutcome.SKIPPED)));
                return steps;
            } catch (RuntimeException invalidForThisSymbol) {
                steps.clear();
            }
        }
        if (setup.marginMode() != null) {
            steps.add(new SetupStep(Setting.MARGIN_MODE, null, setup.marginMode().wireName(), StepOutcome.SKIPPED, null));
        }
        if (setup.leverage() != null) {
            steps.add(new SetupStep(Setting.LEVERAGE, null, SymbolSettings.text(setup.leverage()), StepOutcome.SKIPPED,
                    null));
        }
        if (setup.longLeverage() != null) {
            steps.add(new SetupStep(Setting.LONG_LEVERAGE, null, SymbolSettings.text(setup.longLeverage()),
                    StepOutcome.SKIPPED, null));
        }
        if (setup.shortLeverage() != null) {
            steps.add(new SetupStep(Setting.SHORT_LEVERAGE, null, SymbolSettings.text(setup.shortLeverage()),
                    StepOutcome.SKIPPED, null));
        }
        return steps;
    }


    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static RuntimeException unchecked(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
