package io.bitgetmargin.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.margin.BatchConfig;
import io.bitgetmargin.margin.BatchSymbols;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.margin.ProductType;
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
 * <p>
 * The steps, each in a file of its own: plan ({@link SetupNormaliser}, {@link ContractLimits}, {@link SetupPlan}),
 * apply in Bitget's order ({@link PositionModeWrite}, then {@link ClassicSetup} or {@link UnifiedSetup}, each symbol a
 * {@link StepRun}), confirm by reading back ({@link ReadBack}), report ({@link SetupReport}).
 */
@ApplicationScoped
public class SymbolSetupService {

    private final BitgetAccountTypes accountTypes;
    private final ContractLimits contractLimits;
    private final ClassicSetup classic;
    private final UnifiedSetup unified;
    private final BatchConfig batch;

    SymbolSetupService(BitgetAccountTypes accountTypes, ContractLimits contractLimits, ClassicSetup classic,
            UnifiedSetup unified, BatchConfig batch) {
        this.accountTypes = accountTypes;
        this.contractLimits = contractLimits;
        this.classic = classic;
        this.unified = unified;
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
                .chain(desired -> runIfInRange(account, desired, dryRun))
                .map(SymbolSetupService::resultOf);
    }

    /** The symbol on the account's type once its leverage is known to be in the contract's range; else that refusal. */
    private Uni<List<SetupItem>> runIfInRange(String account, DesiredSetup desired, boolean dryRun) {
        return contractLimits.refused(List.of(desired)).chain(refused -> refused.isEmpty()
                ? onAccount(account, List.of(desired), dryRun, null)
                : Uni.createFrom().failure(refused.get(desired.symbol())));
    }

    private static SymbolSetupResult resultOf(List<SetupItem> items) {
        SetupItem item = items.get(0);
        if (item.failure() == null) {
            return item.result();
        }
        if (item.result() == null) {
            throw unchecked(item.failure());
        }
        throw new SetupFailedException(item.result(), item.failure());
    }

    /**
     * Sets up many symbols with one setup. Duplicates are handled once; one symbol's failure never stops the others,
     * except a refused position mode, which every symbol of its product type (or of the unified account) needs.
     *
     * @return one item per distinct symbol, in request order
     */
    public Uni<List<SetupItem>> setUpAll(String account, SymbolSetupBatchInput input, boolean dryRun) {
        BatchSymbols<DesiredSetup> symbols = plan(input);
        List<DesiredSetup> valid = symbols.valid();
        return contractLimits.refused(valid)
                .chain(refused -> runThoseInRange(account, valid, refused, dryRun))
                .map(bySymbol -> symbols.inRequestOrder(bySymbol, (symbol, invalid) -> new SetupItem(symbol, null,
                        invalid)));
    }

    /** Each distinct symbol of the request, in its order: its setup, or why it is invalid. */
    private BatchSymbols<DesiredSetup> plan(SymbolSetupBatchInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with symbols and at least one of marginMode, "
                    + "leverage and posMode is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DesiredSetup settings = SetupNormaliser.settings(input.marginMode(), input.leverage(), null, null,
                input.posMode(), problems);
        // A lambda, not settings::forTarget: settings is null when the batch is refused, which BatchSymbols.of does.
        return BatchSymbols.of(input.symbols(), input.productType(), input.marginCoin(), batch.maxSymbols(), problems,
                target -> settings.forTarget(target));
    }

    /** The items by symbol: those in the contracts' ranges run on the account's type, the others refused. */
    private Uni<Map<String, SetupItem>> runThoseInRange(String account, List<DesiredSetup> valid,
            Map<String, Throwable> refused, boolean dryRun) {
        List<DesiredSetup> checked = valid.stream().filter(setup -> !refused.containsKey(setup.symbol())).toList();
        Uni<List<SetupItem>> done = checked.isEmpty() ? Uni.createFrom().item(List.of())
                : onAccount(account, checked, dryRun, batch.maxWaitPerCall());
        return done.map(items -> bySymbol(items, refused));
    }

    private static Map<String, SetupItem> bySymbol(List<SetupItem> items, Map<String, Throwable> refused) {
        Map<String, SetupItem> bySymbol = new LinkedHashMap<>();
        items.forEach(item -> bySymbol.put(item.symbol(), item));
        refused.forEach((symbol, failure) -> bySymbol.put(symbol, new SetupItem(symbol, null, failure)));
        return bySymbol;
    }

    /** The setups on the account's type, once more on the other type when Bitget refuses the one tried. */
    private Uni<List<SetupItem>> onAccount(String account, List<DesiredSetup> setups, boolean dryRun,
            Duration firstWait) {
        return accountTypes.byType(account, type -> run(account, type, setups, dryRun, firstWait));
    }

    /** The account's type when it is configured or has been learnt from Bitget's answers; null otherwise. */
    public AccountType accountType(String account) {
        return accountTypes.known(account).orElse(null);
    }

    /**
     * The symbols on an account of {@code type}, a classic account's by product type. Fails only when Bitget refuses
     * the type's API (so that the caller runs it again on the other type); everything else becomes failed items.
     *
     * @param firstWait the longest wait for the first read (null: the configured one); later calls wait as a batch's
     */
    private Uni<List<SetupItem>> run(String account, AccountType type, List<DesiredSetup> setups, boolean dryRun,
            Duration firstWait) {
        if (type == AccountType.UNIFIED) {
            return unified.apply(account, setups, dryRun, firstWait);
        }
        Map<ProductType, List<DesiredSetup>> byProductType = new LinkedHashMap<>();
        setups.forEach(setup -> byProductType.computeIfAbsent(setup.productType(), key -> new ArrayList<>()).add(setup));
        List<Uni<List<SetupItem>>> groups = byProductType.values().stream()
                .map(group -> classic.apply(account, group, dryRun, firstWait)).toList();
        return Uni.join().all(groups).andFailFast().map(groupItems -> groupItems.stream().flatMap(List::stream).toList());
    }

    private static RuntimeException unchecked(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
