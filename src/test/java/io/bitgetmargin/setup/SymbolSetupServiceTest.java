package io.bitgetmargin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountSettingsData;
import io.bitgetmargin.bitget.AccountSettingsData.SymbolConfig;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.AccountTypeEvidence;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetContracts;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.ContractData;
import io.bitgetmargin.bitget.SetFuturesLeverageData;
import io.bitgetmargin.bitget.SetFuturesLeverageRequest;
import io.bitgetmargin.bitget.SetHoldModeRequest;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.bitget.SetMarginModeData;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.bitget.SetPositionModeData;
import io.bitgetmargin.bitget.SetPositionModeRequest;
import io.bitgetmargin.margin.ChangeUnconfirmedException;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.margin.Outcome;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * {@link SymbolSetupService}'s own branches, with {@link BitgetClient} a mock: the order of the steps, what a refused
 * step does to the later ones, what the read-back decides, and what is refused before anything is sent. The HTTP tests
 * ({@code api.SymbolSetupTest}, {@code api.SymbolSetupBatchTest}, {@code api.UnifiedSymbolSetupTest}) cover the same
 * service through the simulator.
 * <p>
 * The contracts list (cached by the application) is emptied around each test, so that each one's list is the one its
 * mock answers. Accounts as in {@code margin.MarginModeServiceTest}: {@code alice} classic, {@code uta} unified,
 * {@code uta-auto} learnt and forgotten around each test.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class SymbolSetupServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLASSIC_ACCOUNT = TestAccounts.ALICE;
    private static final String UNIFIED_ACCOUNT = TestAccounts.UTA;
    private static final String LEARNT_ACCOUNT = TestAccounts.UTA_AUTO;
    private static final String USDT_FUTURES = "USDT-FUTURES";
    private static final String ONE_WAY = "one_way_mode";
    private static final String HEDGE = "hedge_mode";

    @InjectMock
    BitgetClient bitget;

    @Inject
    SymbolSetupService service;

    @Inject
    BitgetAccountTypes accountTypes;

    @Inject
    @CacheName(BitgetContracts.CACHE)
    Cache contracts;

    @BeforeEach
    @AfterEach
    void nothingKeptFromOtherTests() {
        contracts.invalidateAll().await().atMost(WAIT);
        accountTypes.forget(LEARNT_ACCOUNT);
    }

    @BeforeEach
    void bitgetListsTheContracts() {
        when(bitget.contracts(USDT_FUTURES)).thenReturn(Uni.createFrom().item(List.of(contract("BTCUSDT", "125"),
                contract("ETHUSDT", "25"))));
    }

    // ---- one symbol, classic account ----------------------------------------------------------------------------

    @Test
    void aFullSetupSendsItsStepsInBitgetsOrderAndReportsWhatTheReadBackShows() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"),
                classic("crossed", HEDGE, "10", "10", "10"), classic("isolated", HEDGE, "10", "20", "20"));
        positionModeAnswers(Uni.createFrom().item(new SetPositionModeData(HEDGE)));
        marginModeAnswers(marginModeAccepted("isolated"));
        when(bitget.setFuturesLeverage(eq(CLASSIC_ACCOUNT), any(), any())).thenReturn(leverageAccepted());

        SymbolSetupResult result = awaitItem(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", "20", HEDGE),
                false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.CLASSIC, result.accountType());
        assertEquals(List.of(new SetupStep(Setting.POSITION_MODE, ONE_WAY, HEDGE, StepOutcome.CHANGED, null),
                new SetupStep(Setting.MARGIN_MODE, "crossed", "isolated", StepOutcome.CHANGED, null),
                new SetupStep(Setting.LONG_LEVERAGE, "10", "20", StepOutcome.CHANGED, null),
                new SetupStep(Setting.SHORT_LEVERAGE, "10", "20", StepOutcome.CHANGED, null)), result.steps());
        assertEquals(MarginMode.CROSSED, result.before().marginMode(), "before is the first read");
        assertEquals(MarginMode.ISOLATED, result.after().marginMode(), "after is the read-back");
        InOrder bitgetsOrder = inOrder(bitget);
        bitgetsOrder.verify(bitget).setPositionMode(eq(CLASSIC_ACCOUNT),
                eq(new SetPositionModeRequest(USDT_FUTURES, HEDGE)), any());
        bitgetsOrder.verify(bitget).setMarginMode(eq(CLASSIC_ACCOUNT),
                eq(new SetMarginModeRequest("BTCUSDT", USDT_FUTURES, "USDT", "isolated")), any());
        bitgetsOrder.verify(bitget).setFuturesLeverage(eq(CLASSIC_ACCOUNT),
                eq(new SetFuturesLeverageRequest("BTCUSDT", USDT_FUTURES, "USDT", "20", "long")), any());
        bitgetsOrder.verify(bitget).setFuturesLeverage(eq(CLASSIC_ACCOUNT),
                eq(new SetFuturesLeverageRequest("BTCUSDT", USDT_FUTURES, "USDT", "20", "short")), any());
        bitgetsOrder.verify(bitget).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), any(), any(), any());
        verify(bitget, times(3)).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), eq(USDT_FUTURES), eq("USDT"), any());
    }

    @Test
    void aSetupAlreadyInPlaceIsUnchangedAndSendsNothing() {
        classicReads("BTCUSDT", classic("isolated", HEDGE, "10", "20", "20"));

        SymbolSetupResult result = awaitItem(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", "20", HEDGE),
                false));

        assertEquals(Outcome.UNCHANGED, result.outcome());
        StepOutcome unchanged = StepOutcome.UNCHANGED;
        assertEquals(List.of(unchanged, unchanged, unchanged, unchanged),
                result.steps().stream().map(SetupStep::outcome).toList());
        verifyNothingWritten();
    }

    @Test
    void aRefusedPositionModeFailsThatStepAndSkipsTheLaterOnesWithoutSendingThem() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"));
        positionModeAnswers(Uni.createFrom().failure(new BitgetException.Rejected(400, "40731",
                "copy trading keeps the position mode", null)));

        Throwable failure = awaitFailure(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", "20", HEDGE),
                false));

        SetupFailedException failed = assertInstanceOf(SetupFailedException.class, failure);
        assertEquals("40731", BitgetException.codeOf(failed.getCause()));
        assertEquals(List.of(new SetupStep(Setting.POSITION_MODE, ONE_WAY, HEDGE, StepOutcome.FAILED, "40731"),
                new SetupStep(Setting.MARGIN_MODE, "crossed", "isolated", StepOutcome.SKIPPED, null),
                new SetupStep(Setting.LONG_LEVERAGE, "10", "20", StepOutcome.SKIPPED, null),
                new SetupStep(Setting.SHORT_LEVERAGE, "10", "20", StepOutcome.SKIPPED, null)), failed.result().steps());
        verify(bitget, never()).setMarginMode(any(), any(), any());
        verify(bitget, never()).setFuturesLeverage(any(), any(), any());
        verify(bitget, times(1)).account(any(), any(), any(), any(), any());
    }

    @Test
    void aRefusedMarginModeSkipsTheLeverageAndKeepsTheAcceptedPositionMode() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"),
                classic("crossed", HEDGE, "10", "10", "10"));
        positionModeAnswers(Uni.createFrom().item(new SetPositionModeData(HEDGE)));
        marginModeAnswers(Uni.createFrom().failure(new BitgetException.Rejected(400, "45117", "open orders", null)));

        Throwable failure = awaitFailure(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", "20", HEDGE),
                false));

        SetupFailedException failed = assertInstanceOf(SetupFailedException.class, failure);
        assertEquals(List.of(StepOutcome.CHANGED, StepOutcome.FAILED, StepOutcome.SKIPPED, StepOutcome.SKIPPED),
                failed.result().steps().stream().map(SetupStep::outcome).toList());
        verify(bitget, never()).setFuturesLeverage(any(), any(), any());
    }

    @Test
    void anAcceptedStepThatTheReadBackDoesNotShowIsNotAppliedAndFailsTheSetup() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"),
                classic("crossed", ONE_WAY, "10", "10", "10"));
        marginModeAnswers(marginModeAccepted("isolated"));

        Throwable failure = awaitFailure(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", null, null),
                false));

        SetupFailedException failed = assertInstanceOf(SetupFailedException.class, failure);
        assertInstanceOf(NotAppliedException.class, failed.getCause());
        assertEquals(List.of(new SetupStep(Setting.MARGIN_MODE, "crossed", "isolated", StepOutcome.NOT_APPLIED, null)),
                failed.result().steps());
        verify(bitget, times(2)).account(any(), any(), any(), any(), any());
    }

    @Test
    void aLeverageOutsideTheContractsRangeIsRefusedBeforeAnythingIsReadOrWritten() {
        Throwable failure = awaitFailure(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "isolated", "200", HEDGE),
                false));

        assertEquals("leverage", assertInstanceOf(LeverageOutOfRangeException.class, failure).field());
        verify(bitget).contracts(USDT_FUTURES);
        verify(bitget, never()).account(any(), any(), any(), any(), any());
        verify(bitget, never()).accountSettings(any(), any());
        verifyNothingWritten();
    }

    @Test
    void aDryRunReportsEachStepThatWouldChangeAndSendsNothing() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"));

        SymbolSetupResult result = awaitItem(service.setUp(CLASSIC_ACCOUNT, setup("BTCUSDT", "crossed", "20", HEDGE),
                true));

        assertEquals(Outcome.WOULD_CHANGE, result.outcome());
        assertEquals(List.of(new SetupStep(Setting.POSITION_MODE, ONE_WAY, HEDGE, StepOutcome.WOULD_CHANGE, null),
                new SetupStep(Setting.MARGIN_MODE, "crossed", "crossed", StepOutcome.UNCHANGED, null),
                new SetupStep(Setting.LEVERAGE, "10", "20", StepOutcome.WOULD_CHANGE, null)), result.steps());
        assertNull(result.after(), "a dry run reads nothing back");
        verifyNothingWritten();
    }

    // ---- unified account, and an account whose type is proven by Bitget -----------------------------------------

    @Test
    void aUnifiedSetupWritesTheHoldModeOnceThenSetLeverageWithModeAndLeverageAndReadsTheSettingsBack() {
        settingsAnswers(UNIFIED_ACCOUNT, unified(ONE_WAY, "crossed", "10"), unified(HEDGE, "crossed", "10"),
                unified(HEDGE, "isolated", "20"));
        when(bitget.setHoldMode(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        SymbolSetupResult result = awaitItem(service.setUp(UNIFIED_ACCOUNT, setup("BTCUSDT", "isolated", "20", HEDGE),
                false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.UNIFIED, result.accountType());
        assertEquals(List.of(new SetupStep(Setting.POSITION_MODE, ONE_WAY, HEDGE, StepOutcome.CHANGED, null),
                new SetupStep(Setting.MARGIN_MODE, "crossed", "isolated", StepOutcome.CHANGED, null),
                new SetupStep(Setting.LEVERAGE, "10", "20", StepOutcome.CHANGED, null)), result.steps());
        InOrder bitgetsOrder = inOrder(bitget);
        bitgetsOrder.verify(bitget).setHoldMode(eq(UNIFIED_ACCOUNT), eq(new SetHoldModeRequest(HEDGE)), any());
        bitgetsOrder.verify(bitget).setLeverage(eq(UNIFIED_ACCOUNT),
                eq(new SetLeverageRequest(USDT_FUTURES, "BTCUSDT", "20", "isolated", "long")), any());
        bitgetsOrder.verify(bitget).setLeverage(eq(UNIFIED_ACCOUNT),
                eq(new SetLeverageRequest(USDT_FUTURES, "BTCUSDT", "20", "isolated", "short")), any());
        verify(bitget, times(3)).accountSettings(eq(UNIFIED_ACCOUNT), any());
        verify(bitget, never()).account(any(), any(), any(), any(), any());
    }

    @Test
    void aUnifiedReadBackThatFailsLeavesTheAcceptedStepsAcceptedAndTheSetupUnconfirmed() {
        when(bitget.accountSettings(eq(UNIFIED_ACCOUNT), any())).thenReturn(
                Uni.createFrom().item(unified(ONE_WAY, "crossed", "10")))
                .thenReturn(Uni.createFrom().failure(new BitgetException.Timeout("the settings read-back")));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        Throwable failure = awaitFailure(service.setUp(UNIFIED_ACCOUNT, setup("BTCUSDT", "isolated", "20", null),
                false));

        SetupFailedException failed = assertInstanceOf(SetupFailedException.class, failure);
        assertInstanceOf(ChangeUnconfirmedException.class, failed.getCause());
        assertEquals(List.of(StepOutcome.ACCEPTED, StepOutcome.ACCEPTED),
                failed.result().steps().stream().map(SetupStep::outcome).toList());
        verify(bitget, times(1)).setLeverage(eq(UNIFIED_ACCOUNT), any(), any());
    }

    @Test
    void aSetupOnAnAccountThatBitgetProvesUnifiedWith40085GoesOnThroughTheUnifiedSteps() {
        // As the real client does: the answer 40085 proves the account unified, and the call fails with it.
        when(bitget.account(eq(LEARNT_ACCOUNT), any(), any(), any(), any())).thenReturn(Uni.createFrom().deferred(
                () -> {
                    AccountTypeEvidence.proves(accountTypes, LEARNT_ACCOUNT, AccountType.UNIFIED);
                    return Uni.createFrom().failure(new BitgetException.Rejected(400, "40085", "unified", null));
                }));
        settingsAnswers(LEARNT_ACCOUNT, unified(ONE_WAY, "crossed", "10"), unified(ONE_WAY, "crossed", "20"));
        when(bitget.setLeverage(eq(LEARNT_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        SymbolSetupResult result = awaitItem(service.setUp(LEARNT_ACCOUNT, setup("BTCUSDT", null, "20", null), false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.UNIFIED, result.accountType());
        assertEquals(AccountType.UNIFIED, service.accountType(LEARNT_ACCOUNT));
        verify(bitget, times(1)).account(eq(LEARNT_ACCOUNT), any(), any(), any(), any());
        verify(bitget).setLeverage(eq(LEARNT_ACCOUNT),
                eq(new SetLeverageRequest(USDT_FUTURES, "BTCUSDT", "20", "crossed", null)), any());
        verify(bitget, never()).setFuturesLeverage(any(), any(), any());
    }

    // ---- batches --------------------------------------------------------------------------------------------------

    @Test
    void aBatchRefusesOutOfRangeAndUnlistedSymbolsAloneAndSetsUpTheOthers() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"),
                classic("crossed", ONE_WAY, "50", "10", "10"));
        when(bitget.setFuturesLeverage(eq(CLASSIC_ACCOUNT), any(), any())).thenReturn(leverageAccepted());

        List<SetupItem> items = awaitItem(service.setUpAll(CLASSIC_ACCOUNT, new SymbolSetupBatchInput(USDT_FUTURES,
                null, "crossed", new BigDecimal("50"), null, List.of("ETHUSDT", "NOSUCHUSDT", "BTCUSDT"), null),
                false));

        assertEquals(List.of("ETHUSDT", "NOSUCHUSDT", "BTCUSDT"), items.stream().map(SetupItem::symbol).toList());
        Map<String, SetupItem> bySymbol = items.stream().collect(Collectors.toMap(SetupItem::symbol,
                Function.identity()));
        assertEquals(Outcome.FAILED, bySymbol.get("ETHUSDT").outcome());
        assertInstanceOf(LeverageOutOfRangeException.class, bySymbol.get("ETHUSDT").failure());
        assertEquals(Outcome.FAILED, bySymbol.get("NOSUCHUSDT").outcome());
        assertInstanceOf(UnknownContractException.class, bySymbol.get("NOSUCHUSDT").failure());
        assertEquals(Outcome.CHANGED, bySymbol.get("BTCUSDT").outcome());
        verify(bitget, never()).account(any(), eq("ETHUSDT"), any(), any(), any());
        verify(bitget, never()).account(any(), eq("NOSUCHUSDT"), any(), any(), any());
        verify(bitget, times(1)).setFuturesLeverage(eq(CLASSIC_ACCOUNT),
                eq(new SetFuturesLeverageRequest("BTCUSDT", USDT_FUTURES, "USDT", "50", null)), any());
    }

    @Test
    void aRefusedPositionModeInABatchIsWrittenOnceAndSkipsEverySymbolOfItsProductType() {
        classicReads("BTCUSDT", classic("crossed", ONE_WAY, "10", "10", "10"));
        classicReads("ETHUSDT", classic("crossed", ONE_WAY, "10", "10", "10"));
        positionModeAnswers(Uni.createFrom().failure(new BitgetException.Rejected(400, "40920",
                "positions are open", null)));

        List<SetupItem> items = awaitItem(service.setUpAll(CLASSIC_ACCOUNT, new SymbolSetupBatchInput(USDT_FUTURES,
                null, "isolated", null, HEDGE, List.of("BTCUSDT", "ETHUSDT"), null), false));

        assertEquals(List.of(Outcome.BLOCKED, Outcome.BLOCKED), items.stream().map(SetupItem::outcome).toList());
        items.forEach(item -> assertEquals(List.of(StepOutcome.FAILED, StepOutcome.SKIPPED),
                item.result().steps().stream().map(SetupStep::outcome).toList(), item.symbol()));
        verify(bitget, times(1)).setPositionMode(any(), any(), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
        verify(bitget, never()).account(any(), eq("ETHUSDT"), any(), any(), any());
    }

    // ---- arranging what Bitget answers ----------------------------------------------------------------------------

    private static SymbolSetupInput setup(String symbol, String marginMode, String leverage, String posMode) {
        return new SymbolSetupInput(symbol, USDT_FUTURES, "USDT", marginMode,
                leverage == null ? null : new BigDecimal(leverage), null, null, posMode);
    }

    private static ContractData contract(String symbol, String maxLever) {
        return new ContractData(symbol, "normal", BigDecimal.ONE, new BigDecimal(maxLever), List.of("USDT"));
    }

    private static AccountData classic(String marginMode, String posMode, String crossed, String isolatedLong,
            String isolatedShort) {
        return new AccountData("USDT", marginMode, posMode, "single", new BigDecimal(crossed),
                new BigDecimal(isolatedLong), new BigDecimal(isolatedShort));
    }

    private static AccountSettingsData unified(String holdMode, String marginMode, String leverage) {
        return new AccountSettingsData("uid", "unified", "single", "advanced", holdMode,
                List.of(new SymbolConfig(USDT_FUTURES, "BTCUSDT", marginMode, new BigDecimal(leverage))));
    }

    /** Get Single Account answers for a symbol of alice, one per read, the last one again for any further read. */
    @SuppressWarnings("unchecked")
    private void classicReads(String symbol, AccountData first, AccountData... then) {
        Uni<AccountData>[] later = Arrays.stream(then).map(data -> Uni.createFrom().item(data)).toArray(Uni[]::new);
        when(bitget.account(eq(CLASSIC_ACCOUNT), eq(symbol), eq(USDT_FUTURES), eq("USDT"), any()))
                .thenReturn(Uni.createFrom().item(first), later);
    }

    @SuppressWarnings("unchecked")
    private void settingsAnswers(String account, AccountSettingsData first, AccountSettingsData... then) {
        Uni<AccountSettingsData>[] later = Arrays.stream(then).map(data -> Uni.createFrom().item(data))
                .toArray(Uni[]::new);
        when(bitget.accountSettings(eq(account), any())).thenReturn(Uni.createFrom().item(first), later);
    }

    private void positionModeAnswers(Uni<SetPositionModeData> answer) {
        when(bitget.setPositionMode(eq(CLASSIC_ACCOUNT), any(), any())).thenReturn(answer);
    }

    private void marginModeAnswers(Uni<SetMarginModeData> answer) {
        when(bitget.setMarginMode(eq(CLASSIC_ACCOUNT), any(), any())).thenReturn(answer);
    }

    private static Uni<SetMarginModeData> marginModeAccepted(String marginMode) {
        return Uni.createFrom().item(new SetMarginModeData("BTCUSDT", "USDT", null, null, null, marginMode));
    }

    private static Uni<SetFuturesLeverageData> leverageAccepted() {
        return Uni.createFrom().item(new SetFuturesLeverageData("BTCUSDT", "USDT", null, null, null, null));
    }

    private void verifyNothingWritten() {
        verify(bitget, never()).setPositionMode(any(), any(), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
        verify(bitget, never()).setFuturesLeverage(any(), any(), any());
        verify(bitget, never()).setHoldMode(any(), any(), any());
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    private static <T> T awaitItem(Uni<T> uni) {
        return uni.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(WAIT).assertCompleted().getItem();
    }

    private static Throwable awaitFailure(Uni<?> uni) {
        return uni.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure(WAIT).getFailure();
    }
}
