package io.bitgetmargin.bitget;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * The Bitget client itself, without the facade: what each kind of answer becomes, which ones are retried and how
 * often, and that every retry waits at least Bitget's Retry-After. The test profile allows 3 attempts within 10 s,
 * 50-200 ms apart, and a 1 s read timeout.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class BitgetClientTest {

    private static final Duration ANSWER = Duration.ofSeconds(15);

    @Inject
    BitgetClient bitget;

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private Uni<AccountData> read() {
        return bitget.account(null, "BTCUSDT", "USDT-FUTURES", "USDT", null);
    }

    private static <T extends Throwable> T failureOf(Uni<?> call, Class<T> type) {
        return type.cast(call.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure(ANSWER)
                .assertFailedWith(type).getFailure());
    }

    private static List<Map<String, Object>> reads() {
        return Simulator.calls(Simulator.ACCOUNT);
    }

    @Test
    void answersTheEnvelopesDataOnSuccess() {
        Simulator.arrange("BTCUSDT", Map.of("marginMode", "isolated", "longLeverage", 7));
        AccountData data = read().subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(ANSWER).getItem();
        assertEquals("isolated", data.marginMode());
        assertEquals(7, data.isolatedLongLever().intValue());
        assertEquals(1, reads().size());
    }

    @Test
    void retriesADroppedConnectionAndReportsItAsATransientOutage() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "dropConnection", true, "times", 3));
        BitgetException.Unavailable failure = failureOf(read(), BitgetException.Unavailable.class);
        assertTrue(failure.isTransient());
        assertEquals(3, reads().size(), "three attempts");
        assertEquals(3, SeenCalls.distinct(reads(), "ACCESS-SIGN"), "each signed afresh");
    }

    @Test
    void retriesAReadTimeoutAndReportsATimeout() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "delayMillis", 1500, "times", 3));
        failureOf(read(), BitgetException.Timeout.class);
        assertEquals(3, reads().size());
    }

    @Test
    void waitsAtLeastBitgetsRetryAfterBetweenAttempts() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 503, "contentType", "text/html", "body", "<html>busy</html>",
                "retryAfter", "1", "times", 1));
        read().subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(ANSWER);
        List<Map<String, Object>> attempts = reads();
        assertEquals(2, attempts.size());
        long waited = receivedAt(attempts.get(1)) - receivedAt(attempts.get(0));
        assertTrue(waited >= 950, "Retry-After: 1 is a floor for the wait, the backoff alone is 50 ms: waited " + waited);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterWouldOutlastTheBudget() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 429, "body", "", "retryAfter", "30", "times", 3));
        // Its own account: the 429 pauses the account's reads for 30 s, for every caller of this application.
        BitgetException.Rejected failure = failureOf(bitget.account(TestAccounts.THROTTLED, "BTCUSDT", "USDT-FUTURES",
                "USDT", null), BitgetException.Rejected.class);
        assertEquals(BitgetErrorCategory.RATE_LIMITED, failure.category());
        assertEquals(Optional.of(Duration.ofSeconds(30)), failure.retryAfter(), "the caller learns how long to wait");
        assertEquals(1, reads().size(), "no retry can start within the 10 s budget");
    }

    @Test
    void retriesBitgetsOwnOutageCodesButNoRefusal() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 400,
                "body", "{\"code\":\"40200\",\"msg\":\"Server upgrade, please try again later\",\"data\":null}", "times", 1));
        read().subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(ANSWER);
        assertEquals(2, reads().size(), "40200 is retried");

        Simulator.reset();
        BitgetException.Rejected refused = failureOf(bitget.account(null, "NOSUCHUSDT", "USDT-FUTURES", "USDT", null),
                BitgetException.Rejected.class);
        assertEquals("40034", refused.bitgetCode());
        assertEquals(BitgetErrorCategory.UNKNOWN_SYMBOL, refused.category());
        assertEquals(1, reads().size(), "a refusal is never retried");
    }

    @Test
    void reportsAnErrorCodeInAnHttp200WithoutRetrying() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 200,
                "body", "{\"code\":\"40012\",\"msg\":\"apikey/password is incorrect\",\"data\":null}"));
        BitgetException.Rejected failure = failureOf(read(), BitgetException.Rejected.class);
        assertEquals(200, failure.httpStatus());
        assertEquals(BitgetErrorCategory.AUTHENTICATION, failure.category());
        assertEquals(1, reads().size());
    }

    @Test
    void reportsAnUnreadable200AsAnOutageWithoutRetrying() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 200, "contentType", "text/html",
                "body", "<html>maintenance</html>", "times", 3));
        BitgetException.Unavailable failure = failureOf(read(), BitgetException.Unavailable.class);
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().contains("not Bitget's JSON envelope"), failure.getMessage());
        assertEquals(1, reads().size());
    }

    @Test
    void resynchronisesTheClockOnceOnARefusedTimestamp() {
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 400,
                "body", "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"data\":null}", "times", 2));
        BitgetException.Rejected failure = failureOf(read(), BitgetException.Rejected.class);
        assertTrue(failure.isClockSkew());
        assertEquals(2, reads().size(), "one attempt after the resynchronisation, no more");
        assertTrue(Simulator.everyRequest().stream().anyMatch(call -> Simulator.SERVER_TIME.equals(call.get("path"))));
    }

    @Test
    void refusesAtOnceWhatTheAccountsQueueCannotServeInTime() {
        // Ten reads per second: ten calls held by a slow Bitget fill the lane; an eleventh that may not wait is refused.
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "delayMillis", 800, "times", 10));
        List<UniAssertSubscriber<AccountData>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(read().subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        failureOf(bitget.account(null, "BTCUSDT", "USDT-FUTURES", "USDT", Duration.ZERO), RateLimitExceededException.class);
        held.forEach(call -> call.awaitItem(ANSWER));
        assertEquals(10, reads().size(), "the refused call was never sent");
    }

    @Test
    void bitgetsTooManyRequestsPausesTheLaneForEveryCallerOfThatAccountAndNoOther() {
        // Both accounts' first calls done (clock, account type), so that only the pause can delay what follows.
        read().subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(ANSWER);
        bitget.account(TestAccounts.ALICE, "BTCUSDT", "USDT-FUTURES", "USDT", null).subscribe()
                .withSubscriber(UniAssertSubscriber.create()).awaitItem(ANSWER);
        Simulator.reset();
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 429, "body", "", "retryAfter", "1", "times", 1));
        UniAssertSubscriber<AccountData> refused = read().subscribe().withSubscriber(UniAssertSubscriber.create());
        await("Bitget's 429").atMost(ANSWER).pollInterval(Duration.ofMillis(5)).until(() -> !reads().isEmpty());
        long refusedAt = receivedAt(reads().get(0));

        UniAssertSubscriber<AccountData> sameLane = read().subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<AccountData> otherAccount = bitget.account(TestAccounts.ALICE, "BTCUSDT", "USDT-FUTURES",
                "USDT", null).subscribe().withSubscriber(UniAssertSubscriber.create());
        refused.awaitItem(ANSWER);
        sameLane.awaitItem(ANSWER);
        otherAccount.awaitItem(ANSWER);

        List<Map<String, Object>> afterTheRefusal = reads().subList(1, reads().size());
        for (Map<String, Object> call : afterTheRefusal) {
            long after = receivedAt(call) - refusedAt;
            if (TestAccounts.API_KEY.equals(SeenCalls.header(call, "ACCESS-KEY"))) {
                assertTrue(after >= 950, "the account's reads wait out Retry-After: 1, every caller's: " + after + " ms");
            } else {
                assertTrue(after < 900, "another account's reads are not paused: " + after + " ms, " + SeenCalls.header(call, "ACCESS-KEY"));
            }
        }
        assertEquals(3, afterTheRefusal.size(), "the refused read again, the second caller's, the other account's");
    }

    private static long receivedAt(Map<String, Object> call) {
        return ((Number) call.get("receivedAtMillis")).longValue();
    }
}
