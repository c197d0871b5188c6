package io.bitgetmargin.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.AccountData;
import io.bitgetmargin.bitget.AccountSettingsData;
import io.bitgetmargin.bitget.AccountSettingsData.SymbolConfig;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.AccountTypeEvidence;
import io.bitgetmargin.bitget.BitgetAccountTypes;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.SetLeverageRequest;
import io.bitgetmargin.bitget.SetMarginModeData;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * {@link MarginModeService}'s own branches, with the one way to Bitget, {@link BitgetClient}, a mock: what it
 * answers is arranged per test, and what the service sent (or did not send) is verified. The HTTP tests
 * ({@code api.MarginModeResourceTest}, {@code api.BatchTest}, ...) cover the same service through the simulator.
 * <p>
 * Accounts: {@code alice} is configured classic, {@code uta} configured unified; {@code uta-auto} is learnt, and is
 * forgotten before and after each test, so that its type is not known unless a test says so. The real client learns
 * an account's type from each answer; the mock does the same where a test needs it ({@link AccountTypeEvidence}).
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class MarginModeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLASSIC_ACCOUNT = TestAccounts.ALICE;
    private static final String UNIFIED_ACCOUNT = TestAccounts.UTA;
    private static final String LEARNT_ACCOUNT = TestAccounts.UTA_AUTO;
    private static final String USDT_FUTURES = "USDT-FUTURES";

    @InjectMock
    BitgetClient bitget;

    @Inject
    MarginModeService service;

    @Inject
    BitgetAccountTypes accountTypes;

    @BeforeEach
    @AfterEach
    void learntAccountIsNotKnown() {
        accountTypes.forget(LEARNT_ACCOUNT);
    }

    // ---- one symbol, classic account ----------------------------------------------------------------------------

    @Test
    void aSymbolAlreadyInTheWantedModeIsUnchangedAndNothingIsSent() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "crossed");

        MarginModeResult result = awaitItem(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), true));

        assertEquals(Outcome.UNCHANGED, result.outcome());
        assertEquals(MarginMode.CROSSED, result.marginMode());
        assertEquals(AccountType.CLASSIC, result.accountType());
        verify(bitget, times(1)).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), eq(USDT_FUTURES), eq("USDT"), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    @Test
    void aChangeIsSentOnceAndReadBackWhenVerifyIsAsked() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated", "crossed");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT", accepted("BTCUSDT", "crossed"));

        MarginModeResult result = awaitItem(service.ensure(CLASSIC_ACCOUNT, change("btcusdt", "cross"), true));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(MarginMode.CROSSED, result.marginMode());
        assertEquals(new BigDecimal("10"), result.longLeverage());
        verify(bitget).setMarginMode(eq(CLASSIC_ACCOUNT),
                eq(new SetMarginModeRequest("BTCUSDT", USDT_FUTURES, "USDT", "crossed")), any());
        verify(bitget, times(2)).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), eq(USDT_FUTURES), eq("USDT"), any());
    }

    @Test
    void aDryRunReadsAndAnswersWouldChangeWithTheCurrentModeWithoutSendingAnything() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");

        MarginModeResult result = awaitItem(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), true, true));

        assertEquals(Outcome.WOULD_CHANGE, result.outcome());
        assertEquals(MarginMode.ISOLATED, result.marginMode(), "a dry run reports the mode the symbol has now");
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    @Test
    void openPositionsRefuseTheChangeWithBitgets45117AndNothingIsReadBack() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT", refused("45117"));

        Throwable failure = awaitFailure(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), true));

        BitgetException.Rejected refusal = assertInstanceOf(BitgetException.Rejected.class, failure);
        assertEquals("45117", refusal.bitgetCode());
        assertEquals(BitgetErrorCategory.POSITION_OR_ORDER_OPEN, refusal.category());
        verify(bitget, times(1)).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), eq(USDT_FUTURES), eq("USDT"), any());
    }

    @Test
    void anAcceptedChangeWhoseReadBackStillShowsTheOldModeIsNotApplied() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT", accepted("BTCUSDT", "crossed"));

        Throwable failure = awaitFailure(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), true));

        assertInstanceOf(NotAppliedException.class, failure);
        assertTrue(failure.getMessage().contains("still reports isolated"), failure.getMessage());
    }

    @Test
    void withoutVerifyAClassicChangeTrustsBitgetsEchoAndReadsNothingBack() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT", accepted("BTCUSDT", "crossed"));

        MarginModeResult result = awaitItem(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertEquals(Outcome.CHANGED, result.outcome());
        verify(bitget, times(1)).account(eq(CLASSIC_ACCOUNT), eq("BTCUSDT"), eq(USDT_FUTURES), eq("USDT"), any());
    }

    // ---- one symbol, unified account ----------------------------------------------------------------------------

    @Test
    void aUnifiedChangeIsSetLeverageWithTheCurrentLeverageAndIsConfirmedByReadingTheSettingsBack() {
        settingsAnswer(UNIFIED_ACCOUNT, settings(entry("BTCUSDT", "isolated", "7")),
                settings(entry("BTCUSDT", "crossed", "7")));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        MarginModeResult result = awaitItem(service.ensure(UNIFIED_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.UNIFIED, result.accountType());
        verify(bitget).setLeverage(eq(UNIFIED_ACCOUNT),
                eq(new SetLeverageRequest(USDT_FUTURES, "BTCUSDT", "7", "crossed", null)), any());
        verify(bitget, times(2)).accountSettings(eq(UNIFIED_ACCOUNT), any());
        verify(bitget, never()).account(any(), any(), any(), any(), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    @Test
    void aUnifiedChangeWhoseReadBackFailsIsUnconfirmedNeverReportedAsNothingSent() {
        when(bitget.accountSettings(eq(UNIFIED_ACCOUNT), any())).thenReturn(
                Uni.createFrom().item(settings(entry("BTCUSDT", "isolated", "7"))))
                .thenReturn(Uni.createFrom().failure(new BitgetException.Timeout("the settings read-back")));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        Throwable failure = awaitFailure(service.ensure(UNIFIED_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertInstanceOf(ChangeUnconfirmedException.class, failure);
        verify(bitget, times(1)).setLeverage(eq(UNIFIED_ACCOUNT), any(), any());
    }

    @Test
    void aUnifiedSymbolWithNoLeverageListedIsNotChangedAndNothingIsSent() {
        settingsAnswer(UNIFIED_ACCOUNT, settings(entry("BTCUSDT", "isolated", null)));

        Throwable failure = awaitFailure(service.ensure(UNIFIED_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertInstanceOf(LeverageUnknownException.class, failure);
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    // ---- an account's type proven wrong in the middle of a request -----------------------------------------------

    @Test
    void aClassicReadAnswered40085LearnsTheAccountUnifiedAndTheSameRequestGoesOnThroughTheUnifiedFlow() {
        classicReadsProveUnified(LEARNT_ACCOUNT);
        settingsAnswer(LEARNT_ACCOUNT, settings(entry("BTCUSDT", "isolated", "5")),
                settings(entry("BTCUSDT", "crossed", "5")));
        when(bitget.setLeverage(eq(LEARNT_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        MarginModeResult result = awaitItem(service.ensure(LEARNT_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.UNIFIED, result.accountType());
        assertEquals(Optional.of(AccountType.UNIFIED), service.accountType(LEARNT_ACCOUNT));
        verify(bitget, times(1)).account(eq(LEARNT_ACCOUNT), any(), any(), any(), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
        verify(bitget).setLeverage(eq(LEARNT_ACCOUNT),
                eq(new SetLeverageRequest(USDT_FUTURES, "BTCUSDT", "5", "crossed", null)), any());
    }

    @Test
    void aUnifiedReadAnswered40084LearnsTheAccountClassicAndTheSameRequestGoesOnThroughTheClassicFlow() {
        AccountTypeEvidence.proves(accountTypes, LEARNT_ACCOUNT, AccountType.UNIFIED);
        when(bitget.accountSettings(eq(LEARNT_ACCOUNT), any()))
                .thenReturn(refusedProving(LEARNT_ACCOUNT, AccountType.CLASSIC, "40084"));
        classicReads(LEARNT_ACCOUNT, "BTCUSDT", "isolated");
        classicSetAnswers(LEARNT_ACCOUNT, "BTCUSDT", accepted("BTCUSDT", "crossed"));

        MarginModeResult result = awaitItem(service.ensure(LEARNT_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertEquals(Outcome.CHANGED, result.outcome());
        assertEquals(AccountType.CLASSIC, result.accountType());
        assertEquals(Optional.of(AccountType.CLASSIC), service.accountType(LEARNT_ACCOUNT));
        verify(bitget, times(1)).accountSettings(eq(LEARNT_ACCOUNT), any());
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    @Test
    void anAccountConfiguredClassicIsNotRetypedBy40085AndTheRefusalReachesTheCaller() {
        when(bitget.account(eq(CLASSIC_ACCOUNT), any(), any(), any(), any())).thenReturn(refusedProving(CLASSIC_ACCOUNT,
                AccountType.UNIFIED, "40085"));

        Throwable failure = awaitFailure(service.ensure(CLASSIC_ACCOUNT, change("BTCUSDT", "crossed"), false));

        assertEquals("40085", assertInstanceOf(BitgetException.Rejected.class, failure).bitgetCode());
        assertEquals(Optional.of(AccountType.CLASSIC), service.accountType(CLASSIC_ACCOUNT));
        verify(bitget, never()).accountSettings(any(), any());
    }

    // ---- batches --------------------------------------------------------------------------------------------------

    @Test
    void aClassicBatchReportsEachSymbolsOwnOutcomeInRequestOrder() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "crossed");
        classicReads(CLASSIC_ACCOUNT, "ETHUSDT", "isolated");
        classicReads(CLASSIC_ACCOUNT, "SOLUSDT", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "ETHUSDT", accepted("ETHUSDT", "crossed"));
        classicSetAnswers(CLASSIC_ACCOUNT, "SOLUSDT", refused("45117"));

        List<BatchItem> items = awaitItem(service.ensureAll(CLASSIC_ACCOUNT,
                batch("crossed", "BTCUSDT", "ethusdt", "SOLUSDT", "BTCUSDT")));

        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), items.stream().map(BatchItem::symbol).toList(),
                "one item per distinct symbol, in request order");
        Map<String, BatchItem> bySymbol = bySymbol(items);
        assertEquals(Outcome.UNCHANGED, bySymbol.get("BTCUSDT").outcome());
        assertEquals(Outcome.CHANGED, bySymbol.get("ETHUSDT").outcome());
        assertEquals(MarginMode.CROSSED, bySymbol.get("ETHUSDT").marginMode());
        assertNull(bySymbol.get("ETHUSDT").failure());
        assertEquals(Outcome.BLOCKED, bySymbol.get("SOLUSDT").outcome());
        assertEquals("45117", BitgetException.codeOf(bySymbol.get("SOLUSDT").failure()));
        verify(bitget, never()).setMarginMode(eq(CLASSIC_ACCOUNT), marginModeOf("BTCUSDT"), any());
        verify(bitget, times(2)).setMarginMode(eq(CLASSIC_ACCOUNT), any(), any());
    }

    @Test
    void anUnknownSymbolInABatchFailsThatSymbolOnly() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT", accepted("BTCUSDT", "crossed"));
        when(bitget.account(eq(CLASSIC_ACCOUNT), eq("NOSUCHUSDT"), any(), any(), any())).thenReturn(Uni.createFrom()
                .failure(new BitgetException.Rejected(400, "40034", "Parameter NOSUCHUSDT does not exist", null)));

        List<BatchItem> items = awaitItem(service.ensureAll(CLASSIC_ACCOUNT, batch("crossed", "NOSUCHUSDT", "BTC USDT!",
                "BTCUSDT")));

        Map<String, BatchItem> bySymbol = bySymbol(items);
        assertEquals(Outcome.FAILED, bySymbol.get("NOSUCHUSDT").outcome());
        assertEquals(BitgetErrorCategory.UNKNOWN_SYMBOL,
                assertInstanceOf(BitgetException.Rejected.class, bySymbol.get("NOSUCHUSDT").failure()).category());
        assertEquals(Outcome.FAILED, bySymbol.get("BTC USDT!").outcome());
        assertInstanceOf(InvalidRequestException.class, bySymbol.get("BTC USDT!").failure());
        assertEquals(Outcome.CHANGED, bySymbol.get("BTCUSDT").outcome());
        verify(bitget, never()).setMarginMode(eq(CLASSIC_ACCOUNT),
                argThat(request -> request != null && !request.symbol().equals("BTCUSDT")), any());
        verify(bitget, times(2)).account(eq(CLASSIC_ACCOUNT), any(), any(), any(), any());
    }

    @Test
    void aTimeoutFailsItsSymbolAsRetryableAndTheServiceDoesNotSendItAgain() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");
        classicReads(CLASSIC_ACCOUNT, "ETHUSDT", "isolated");
        classicSetAnswers(CLASSIC_ACCOUNT, "BTCUSDT",
                Uni.createFrom().failure(new BitgetException.Timeout("set-margin-mode")));
        classicSetAnswers(CLASSIC_ACCOUNT, "ETHUSDT", accepted("ETHUSDT", "crossed"));

        Map<String, BatchItem> bySymbol = bySymbol(awaitItem(service.ensureAll(CLASSIC_ACCOUNT,
                batch("crossed", "BTCUSDT", "ETHUSDT"))));

        BatchItem timedOut = bySymbol.get("BTCUSDT");
        assertEquals(Outcome.FAILED, timedOut.outcome());
        assertTrue(assertInstanceOf(BitgetException.Timeout.class, timedOut.failure()).isTransient(),
                "a timeout is worth trying again");
        assertEquals(Outcome.CHANGED, bySymbol.get("ETHUSDT").outcome());
        verify(bitget, times(1)).setMarginMode(eq(CLASSIC_ACCOUNT), marginModeOf("BTCUSDT"), any());
    }

    @Test
    void aDryRunBatchAnswersWouldChangeAndSendsNothing() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");
        classicReads(CLASSIC_ACCOUNT, "ETHUSDT", "crossed");

        Map<String, BatchItem> bySymbol = bySymbol(awaitItem(service.ensureAll(CLASSIC_ACCOUNT,
                new BatchInput(USDT_FUTURES, null, "crossed", List.of("BTCUSDT", "ETHUSDT"), true))));

        assertEquals(Outcome.WOULD_CHANGE, bySymbol.get("BTCUSDT").outcome());
        assertEquals(Outcome.UNCHANGED, bySymbol.get("ETHUSDT").outcome());
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    @Test
    void aUnifiedBatchReadsTheSettingsOnceBeforeAndOnceAfterItsChangesAndReportsEachSymbol() {
        settingsAnswer(UNIFIED_ACCOUNT,
                settings(entry("BTCUSDT", "crossed", "10"), entry("ETHUSDT", "isolated", "20"),
                        entry("SOLUSDT", "isolated", "5"), entry("XRPUSDT", "isolated", "3"),
                        entry("ADAUSDT", "isolated", null)),
                settings(entry("BTCUSDT", "crossed", "10"), entry("ETHUSDT", "crossed", "20"),
                        entry("SOLUSDT", "isolated", "5"), entry("XRPUSDT", "isolated", "3"),
                        entry("ADAUSDT", "isolated", null)));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));
        when(bitget.setLeverage(eq(UNIFIED_ACCOUNT), leverageOf("SOLUSDT"), any()))
                .thenReturn(refused("45117"));

        Map<String, BatchItem> bySymbol = bySymbol(awaitItem(service.ensureAll(UNIFIED_ACCOUNT,
                batch("crossed", "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT"))));

        assertEquals(Outcome.UNCHANGED, bySymbol.get("BTCUSDT").outcome());
        assertEquals(Outcome.CHANGED, bySymbol.get("ETHUSDT").outcome());
        assertEquals(Outcome.BLOCKED, bySymbol.get("SOLUSDT").outcome());
        assertEquals(Outcome.FAILED, bySymbol.get("XRPUSDT").outcome());
        assertInstanceOf(NotAppliedException.class, bySymbol.get("XRPUSDT").failure(),
                "accepted, yet the read-back still shows isolated");
        assertEquals(Outcome.FAILED, bySymbol.get("ADAUSDT").outcome());
        assertInstanceOf(LeverageUnknownException.class, bySymbol.get("ADAUSDT").failure());
        verify(bitget, times(2)).accountSettings(eq(UNIFIED_ACCOUNT), any());
        verify(bitget, times(3)).setLeverage(eq(UNIFIED_ACCOUNT), any(), any());
        verify(bitget, never()).setLeverage(eq(UNIFIED_ACCOUNT),
                leverageOf("BTCUSDT", "ADAUSDT"), any());
    }

    @Test
    void aUnifiedBatchWhoseFirstReadFailsFailsEverySymbolAndSendsNothing() {
        when(bitget.accountSettings(eq(UNIFIED_ACCOUNT), any())).thenReturn(Uni.createFrom().failure(
                new BitgetException.Unavailable("HTTP 503", null, true)));

        List<BatchItem> items = awaitItem(service.ensureAll(UNIFIED_ACCOUNT, batch("crossed", "BTCUSDT", "ETHUSDT")));

        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED), items.stream().map(BatchItem::outcome).toList());
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    @Test
    void aBatchOnAnAccountOfUnknownTypeAsksWithOneSymbolFirstSoThatBitgetAnswers40085OnlyOnce() {
        classicReadsProveUnified(LEARNT_ACCOUNT);
        settingsAnswer(LEARNT_ACCOUNT,
                threeSymbols("isolated", "isolated"), // BTCUSDT alone: read, change
                threeSymbols("crossed", "isolated"), // BTCUSDT alone: read back
                threeSymbols("crossed", "isolated"), // ETHUSDT and SOLUSDT together: read, change ETHUSDT
                threeSymbols("crossed", "crossed")); // ETHUSDT and SOLUSDT together: read back
        when(bitget.setLeverage(eq(LEARNT_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        List<BatchItem> items = awaitItem(service.ensureAll(LEARNT_ACCOUNT,
                batch("crossed", "BTCUSDT", "ETHUSDT", "SOLUSDT")));

        assertEquals(List.of(Outcome.CHANGED, Outcome.CHANGED, Outcome.UNCHANGED),
                items.stream().map(BatchItem::outcome).toList());
        assertEquals(Optional.of(AccountType.UNIFIED), service.accountType(LEARNT_ACCOUNT));
        verify(bitget, times(1)).account(eq(LEARNT_ACCOUNT), any(), any(), any(), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    @Test
    void aClassicBatchWhoseAccountWasUpgradedMeanwhileGoesOnAsOneUnifiedBatch() {
        AccountTypeEvidence.proves(accountTypes, LEARNT_ACCOUNT, AccountType.CLASSIC);
        classicReadsProveUnified(LEARNT_ACCOUNT);
        settingsAnswer(LEARNT_ACCOUNT, settings(entry("BTCUSDT", "isolated", "5"), entry("ETHUSDT", "isolated", "8")),
                settings(entry("BTCUSDT", "crossed", "5"), entry("ETHUSDT", "crossed", "8")));
        when(bitget.setLeverage(eq(LEARNT_ACCOUNT), any(), any())).thenReturn(Uni.createFrom().item("success"));

        List<BatchItem> items = awaitItem(service.ensureAll(LEARNT_ACCOUNT, batch("crossed", "BTCUSDT", "ETHUSDT")));

        assertEquals(List.of(Outcome.CHANGED, Outcome.CHANGED), items.stream().map(BatchItem::outcome).toList());
        verify(bitget, times(2)).account(eq(LEARNT_ACCOUNT), any(), any(), any(), any());
        verify(bitget, times(2)).accountSettings(eq(LEARNT_ACCOUNT), any());
        verify(bitget, never()).setMarginMode(any(), any(), any());
    }

    // ---- reads, and an account between types ----------------------------------------------------------------------

    @Test
    void aReadAnswersEachAccountTypesCurrentModeAndSendsNoChange() {
        classicReads(CLASSIC_ACCOUNT, "BTCUSDT", "isolated");
        settingsAnswer(UNIFIED_ACCOUNT, settings(entry("BTCUSDT", "crossed", "7")));

        MarginModeState classic = awaitItem(service.read(CLASSIC_ACCOUNT, "BTCUSDT", USDT_FUTURES, "USDT"));
        MarginModeState unified = awaitItem(service.read(UNIFIED_ACCOUNT, "BTCUSDT", USDT_FUTURES, "USDT"));

        assertEquals(AccountType.CLASSIC, classic.accountType());
        assertEquals(MarginMode.ISOLATED, classic.marginMode());
        assertEquals(AccountType.UNIFIED, unified.accountType());
        assertEquals(MarginMode.CROSSED, unified.marginMode());
        assertEquals(0, new BigDecimal("7").compareTo(unified.leverage()));
        verify(bitget, never()).setMarginMode(any(), any(), any());
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    @Test
    void anAccountBitgetReportsSwitchingTypesIsRefusedAndForgottenSoItsTypeIsLearntAfresh() {
        AccountTypeEvidence.proves(accountTypes, LEARNT_ACCOUNT, AccountType.UNIFIED);
        when(bitget.accountSettings(eq(LEARNT_ACCOUNT), any())).thenReturn(Uni.createFrom().item(
                new AccountSettingsData("uid", "switching", "single", "advanced", "one_way_mode", List.of())));

        Throwable failure = awaitFailure(service.ensure(LEARNT_ACCOUNT, change("BTCUSDT", "isolated"), true));

        assertInstanceOf(AccountSwitchingException.class, failure);
        assertEquals(Optional.empty(), service.accountType(LEARNT_ACCOUNT));
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    @Test
    void anSPrefixedProductTypeOnAUnifiedAccountIsInvalidAndNothingIsSent() {
        Throwable failure = awaitFailure(service.ensure(UNIFIED_ACCOUNT,
                new MarginModeInput("SBTCSUSDT", "SUSDT-FUTURES", "SUSDT", "isolated"), true));

        assertInstanceOf(InvalidRequestException.class, failure);
        verify(bitget, never()).accountSettings(any(), any());
        verify(bitget, never()).setLeverage(any(), any(), any());
    }

    // ---- arranging what Bitget answers ----------------------------------------------------------------------------

    private static MarginModeInput change(String symbol, String marginMode) {
        return new MarginModeInput(symbol, USDT_FUTURES, "USDT", marginMode);
    }

    private static BatchInput batch(String marginMode, String... symbols) {
        return new BatchInput(USDT_FUTURES, null, marginMode, Arrays.asList(symbols), null);
    }

    /** Get Single Account answers for a symbol, one per read, the last one again for any further read. */
    @SuppressWarnings("unchecked")
    private void classicReads(String account, String symbol, String... modes) {
        Uni<AccountData>[] answers = Arrays.stream(modes).map(MarginModeServiceTest::classicAccount)
                .map(data -> Uni.createFrom().item(data)).toArray(Uni[]::new);
        when(bitget.account(eq(account), eq(symbol), eq(USDT_FUTURES), eq("USDT"), any()))
                .thenReturn(answers[0], Arrays.copyOfRange(answers, 1, answers.length));
    }

    private void classicSetAnswers(String account, String symbol, Uni<SetMarginModeData> answer) {
        when(bitget.setMarginMode(eq(account), marginModeOf(symbol), any())).thenReturn(answer);
    }

    /** The settings answers of a unified account, one per read, the last one again for any further read. */
    @SuppressWarnings("unchecked")
    private void settingsAnswer(String account, AccountSettingsData first, AccountSettingsData... then) {
        Uni<AccountSettingsData>[] later = Arrays.stream(then).map(data -> Uni.createFrom().item(data))
                .toArray(Uni[]::new);
        when(bitget.accountSettings(eq(account), any())).thenReturn(Uni.createFrom().item(first), later);
    }

    private static AccountData classicAccount(String marginMode) {
        BigDecimal ten = new BigDecimal("10");
        return new AccountData("USDT", marginMode, "one_way_mode", "single", ten, ten, ten);
    }

    private static Uni<SetMarginModeData> accepted(String symbol, String marginMode) {
        BigDecimal ten = new BigDecimal("10");
        return Uni.createFrom().item(new SetMarginModeData(symbol, "USDT", ten, ten, ten, marginMode));
    }

    private static <T> Uni<T> refused(String code) {
        return Uni.createFrom().failure(new BitgetException.Rejected(400, code, "refused by the test's Bitget", null));
    }

    /** A refusal that proves the account's type, learnt when it is answered, as the real client learns it. */
    private <T> Uni<T> refusedProving(String account, AccountType proven, String code) {
        return Uni.createFrom().deferred(() -> {
            AccountTypeEvidence.proves(accountTypes, account, proven);
            return refused(code);
        });
    }

    /** Every Get Single Account of the account answered 40085, which proves it unified (as the real client learns). */
    private void classicReadsProveUnified(String account) {
        when(bitget.account(eq(account), any(), any(), any(), any()))
                .thenReturn(refusedProving(account, AccountType.UNIFIED, "40085"));
    }

    /** Settings with BTCUSDT and ETHUSDT in the modes given, SOLUSDT crossed, each at leverage 5. */
    private static AccountSettingsData threeSymbols(String btc, String eth) {
        return settings(entry("BTCUSDT", btc, "5"), entry("ETHUSDT", eth, "5"), entry("SOLUSDT", "crossed", "5"));
    }

    private static AccountSettingsData settings(SymbolConfig... entries) {
        return new AccountSettingsData("uid", "unified", "single", "advanced", "one_way_mode", List.of(entries));
    }

    private static SymbolConfig entry(String symbol, String marginMode, String leverage) {
        return new SymbolConfig(USDT_FUTURES, symbol, marginMode, leverage == null ? null : new BigDecimal(leverage));
    }

    /** A set-margin-mode body for {@code symbol} (null-safe: Mockito also matches the null of a call being stubbed). */
    private static SetMarginModeRequest marginModeOf(String symbol) {
        return argThat(request -> request != null && request.symbol().equals(symbol));
    }

    /** A unified set-leverage body for one of {@code symbols}. */
    private static SetLeverageRequest leverageOf(String... symbols) {
        return argThat(request -> request != null && Arrays.asList(symbols).contains(request.symbol()));
    }

    private static Map<String, BatchItem> bySymbol(List<BatchItem> items) {
        return items.stream().collect(Collectors.toMap(BatchItem::symbol, Function.identity()));
    }

    private static <T> T awaitItem(Uni<T> uni) {
        return uni.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(WAIT).assertCompleted().getItem();
    }

    private static Throwable awaitFailure(Uni<?> uni) {
        return uni.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure(WAIT).getFailure();
    }
}
