package io.bitgetmargin.bitget;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.bitgetmargin.ratelimit.Lane;
import io.bitgetmargin.ratelimit.Permit;
import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.bitgetmargin.ratelimit.RateLimiter;
import io.bitgetmargin.tracing.NestedSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;

/**
 * The one way to call Bitget. Each public method answers the envelope's {@code data}, or fails with a
 * {@link BitgetException} (or, before anything was sent, {@link RateLimitExceededException} or
 * {@link UnknownAccountException}), never with a raw transport or parsing exception.
 * <p>
 * A signed call goes through, in this order:
 * <ol>
 * <li>the circuit breaker's state: while it is open the call fails at once, with nothing queued and nothing sent;</li>
 * <li>the account's first turn at the rate limiter, in the lane of the endpoint (Bitget limits each endpoint per
 * account): at most {@code maxWait}, then 429;</li>
 * <li>the circuit breaker ({@link BitgetCircuitBreaker}), which counts the request once, after its retries;</li>
 * <li>the retries of transient failures ({@link BitgetRetry}); every attempt after the first takes a turn of its
 * own, and every attempt is signed afresh;</li>
 * <li>one clock resynchronisation when Bitget refuses the timestamp, and one immediate attempt after it;</li>
 * <li>the HTTP exchange itself, timed, and its answer turned into {@code data} or a {@link BitgetException}
 * ({@link BitgetFailures}).</li>
 * </ol>
 * The public server-time call passes the breaker only: it is unsigned, and Bitget limits it per IP, not per account.
 * <p>
 * Every signed answer also tells {@link BitgetAccountTypes} what the account is: an answer on a classic endpoint
 * proves a classic account, one on a unified endpoint a unified account, and the refusals 40085 and 40084 the other
 * type. Choosing the API is the caller's business; this class only reports.
 */
@ApplicationScoped
@Startup // the circuit breaker exists, for health checks and maintenance, before the first call
public class BitgetClient {

    /** Name of the circuit breaker, for health checks and tests. */
    public static final String CIRCUIT_BREAKER = BitgetCircuitBreaker.NAME;

    /** How long a lane waits after Bitget's 429 when Bitget does not say: its limits are per second. */
    private static final Duration DEFAULT_BITGET_PAUSE = Duration.ofSeconds(1);
    /** The tag of a caller's own lane of changes, when it has a quota below Bitget's limit. */
    public static final String CALLER_QUOTA = "caller-changes";

    private final BitgetRestClient rest;
    private final BitgetAccounts accounts;
    private final BitgetAccountTypes accountTypes;
    private final BitgetLimits limits;
    private final BitgetClock clock;
    private final RateLimiter limiter;
    private final RetryConfig retry;
    private final MeterRegistry meters;
    private final BitgetCircuitBreaker breaker;
    private final BitgetSpans spans;
    private final Map<BitgetEndpoint, BitgetRetry> retries = new EnumMap<>(BitgetEndpoint.class);

    BitgetClient(@RestClient BitgetRestClient rest, BitgetAccounts accounts, BitgetAccountTypes accountTypes,
            BitgetLimits limits, BitgetClock clock, RateLimiter limiter, RetryConfig retry, CircuitBreakerConfig breaker,
            MeterRegistry meters, BitgetSpans spans) {
        this.rest = rest;
        this.spans = spans;
        this.accounts = accounts;
        this.accountTypes = accountTypes;
        this.limits = limits;
        this.clock = clock;
        this.limiter = limiter;
        this.retry = retry;
        this.meters = meters;
        this.breaker = new BitgetCircuitBreaker(breaker, this::exchangeServerTime);
        for (BitgetEndpoint endpoint : BitgetEndpoint.values()) {
            if (endpoint.isSigned()) {
                retries.put(endpoint, new BitgetRetry(endpoint, retry, meters));
            }
        }
    }

    /**
     * {@code POST /api/v2/mix/account/set-margin-mode}, signed for {@code account} (null: the default one).
     *
     * @param maxWait the longest wait for the first turn at the rate limiter; null: the configured maximum
     */
    public Uni<SetMarginModeData> setMarginMode(String account, SetMarginModeRequest request, Duration maxWait) {
        return signed(account, BitgetEndpoint.SET_MARGIN_MODE, maxWait, () -> rest.setMarginMode(account, request),
                SetMarginModeData.class);
    }

    /** {@code GET /api/v2/mix/account/account}, signed; {@code maxWait} as for {@link #setMarginMode}. */
    public Uni<AccountData> account(String account, String symbol, String productType, String marginCoin,
            Duration maxWait) {
        return signed(account, BitgetEndpoint.ACCOUNT, maxWait,
                () -> rest.account(account, symbol, productType, marginCoin), AccountData.class);
    }

    /**
     * {@code POST /api/v2/mix/account/set-leverage}, signed: the leverage of the mode the classic symbol is in now.
     */
    public Uni<SetFuturesLeverageData> setFuturesLeverage(String account, SetFuturesLeverageRequest request,
            Duration maxWait) {
        return signed(account, BitgetEndpoint.FUTURES_SET_LEVERAGE, maxWait,
                () -> rest.setFuturesLeverage(account, request), SetFuturesLeverageData.class);
    }

    /** {@code POST /api/v2/mix/account/set-position-mode}, signed: the position mode of a whole product type. */
    public Uni<SetPositionModeData> setPositionMode(String account, SetPositionModeRequest request, Duration maxWait) {
        return signed(account, BitgetEndpoint.SET_POSITION_MODE, maxWait, () -> rest.setPositionMode(account, request),
                SetPositionModeData.class);
    }

    /** {@code POST /api/v3/account/set-hold-mode}, signed: a unified account's position mode; Bitget answers "success". */
    public Uni<String> setHoldMode(String account, SetHoldModeRequest request, Duration maxWait) {
        return signed(account, BitgetEndpoint.SET_HOLD_MODE, maxWait, () -> rest.setHoldMode(account, request),
                String.class);
    }

    /**
     * {@code GET /api/v2/mix/market/contracts}, public: every contract of a product type. Unsigned, so it takes its
     * turn in one lane for this service (Bitget limits it per IP), then passes the circuit breaker. Not retried:
     * whoever asked decides.
     */
    public Uni<List<ContractData>> contracts(String productType) {
        BitgetEndpoint endpoint = BitgetEndpoint.CONTRACTS;
        Lane lane = new Lane("public:" + endpoint.tag(), limits.perSecond(endpoint), endpoint.tag());
        return counted(endpoint, Uni.createFrom().deferred(() -> limiter.withTurn(lane, limiter.maxWait(),
                turn -> breaker.guard(() -> exchange(endpoint, () -> rest.contracts(productType), ContractList.class)))))
                .map(listed -> listed == null || listed.contracts() == null ? List.of()
                        : listed.contracts().stream().filter(Objects::nonNull).toList());
    }

    /**
     * {@code POST /api/v3/account/set-leverage}, signed: how a unified account changes a symbol's margin mode. Bitget
     * answers only {@code "success"}, never the resulting state.
     */
    public Uni<String> setLeverage(String account, SetLeverageRequest request, Duration maxWait) {
        return signed(account, BitgetEndpoint.SET_LEVERAGE, maxWait, () -> rest.setLeverage(account, request),
                String.class);
    }

    /** {@code GET /api/v3/account/settings}, signed: a unified account's modes, and leverage and mode per symbol. */
    public Uni<AccountSettingsData> accountSettings(String account, Duration maxWait) {
        return signed(account, BitgetEndpoint.ACCOUNT_SETTINGS, maxWait, () -> rest.accountSettings(account),
                AccountSettingsData.class);
    }

    /** {@code GET /api/v2/public/time}, unsigned, through the circuit breaker. */
    public Uni<ServerTimeData> serverTime() {
        return counted(BitgetEndpoint.SERVER_TIME, breaker.guard(this::exchangeServerTime));
    }

    /** Measures the offset to Bitget's clock again (one measurement for everyone who asks meanwhile). */
    public Uni<Long> synchroniseClock() {
        return clock.synchronise(this::serverTime);
    }

    /** The circuit breaker's state, for readiness and tests. */
    public CircuitBreakerState circuitBreakerState() {
        return breaker.state();
    }

    private Uni<ServerTimeData> exchangeServerTime() {
        return exchange(BitgetEndpoint.SERVER_TIME, rest::serverTime, ServerTimeData.class);
    }

    private <T> Uni<T> signed(String account, BitgetEndpoint endpoint, Duration maxWait, Supplier<Uni<String>> exchange,
            Class<T> dataType) {
        return counted(endpoint, Uni.createFrom().context(context -> {
            if (breaker.state() == CircuitBreakerState.OPEN) {
                BitgetSpans.breakerRefused(NestedSpans.parentIn(context));
                return Uni.createFrom().failure(breaker.openFailure());
            }
            BitgetCredentials credentials = accounts.resolve(account);
            Lane lane = new Lane(credentials.rateLimitId() + ":" + endpoint.tag(), limits.perSecond(endpoint),
                    endpoint.tag());
            return new SignedCall<>(endpoint, lane, maxWait == null ? limiter.maxWait() : maxWait, exchange, dataType,
                    Hangup.of(context), OnBehalfOf.in(context), NestedSpans.parentIn(context))
                    .run()
                    .onItem().invoke(() -> accountTypes.learn(account, endpoint.api(),
                            () -> "it answered on " + endpoint.tag()))
                    .onFailure(BitgetException.Rejected.class).invoke(failure -> learnFrom(account, endpoint,
                            (BitgetException.Rejected) failure));
        }));
    }

    /** A refusal of the endpoint's API for the account's type proves the other type (40085 or 40084). */
    private void learnFrom(String account, BitgetEndpoint endpoint, BitgetException.Rejected refusal) {
        AccountType proven = AccountType.provenBy(refusal.bitgetCode());
        if (proven != null && proven != endpoint.api()) {
            accountTypes.learn(account, proven, () -> "Bitget answered " + refusal.bitgetCode() + " on " + endpoint.tag());
        }
    }

    /**
     * One signed request: its first turn at the limiter, then the breaker around its attempts. Attempts run one
     * after the other, possibly on different threads; the fields they share are published safely.
     * <p>
     * Once its caller has hung up ({@link Hangup}) or it was cancelled, the request starts no further attempt: a wait
     * for a turn ends at once (the turn goes back), and a retry fails with {@link CallerGoneException} instead of
     * being sent; an attempt already sent runs to its end. Reads that tell what a sent change did still go.
     */
    private final class SignedCall<T> {
        private final BitgetEndpoint endpoint;
        private final Lane lane;
        private final Duration maxWait;
        private final Supplier<Uni<String>> exchange;
        private final Class<T> dataType;
        /** Null outside a request that outlives its caller. */
        private final Hangup hangup;
        /** The caller whose turns these are, by name; null when nobody said (start-up, tests of the edge alone). */
        private final String party;
        /** The caller's own lane of changes, for a change of a caller with a quota; else null. */
        private final Lane quota;
        /** The turn taken before the breaker, for the first attempt; null once used or given back. */
        private final AtomicReference<Permit> firstTurn = new AtomicReference<>();
        private volatile long attemptsStartNanos;
        /** When the last attempt was handed to the HTTP client: it was signed after that. */
        private volatile long lastSentNanos;
        private volatile BitgetException lastFailure;
        private volatile boolean clockResynchronised;
        /** This request's own subscriber cancelled it: nothing more is sent. */
        private volatile boolean cancelled;
        /** Set when an attempt was not sent for a caller who had gone. */
        private volatile CallerGoneException gone;
        /** Set when a retry could not get a turn in time: what the caller is told, whatever the breaker counts. */
        private volatile RetryNotAdmittedException notAdmitted;
        /** The span the call was made in: every attempt's span is its child, whichever thread sends it. */
        private final Context traced;
        private final AtomicInteger attempts = new AtomicInteger();

        SignedCall(BitgetEndpoint endpoint, Lane lane, Duration maxWait, Supplier<Uni<String>> exchange,
                Class<T> dataType, Hangup hangup, OnBehalfOf onBehalfOf, Context traced) {
            this.party = onBehalfOf == null ? null : onBehalfOf.caller();
            this.quota = onBehalfOf != null && onBehalfOf.changesPerSecond() != null && endpoint.isWrite()
                    ? new Lane("caller:" + onBehalfOf.caller() + ":changes:" + onBehalfOf.changesPerSecond(),
                            onBehalfOf.changesPerSecond(), CALLER_QUOTA)
                    : null;
            this.endpoint = endpoint;
            this.traced = traced;
            this.lane = lane;
            this.maxWait = maxWait;
            this.exchange = exchange;
            this.dataType = dataType;
            this.hangup = hangup;
        }

        Uni<T> run() {
            if (!mayStart()) {
                return Uni.createFrom().failure(goneNow());
            }
            if (quota == null) {
                return firstTurnThenAttempts(maxWait);
            }
            // The caller's own quota first (it counts changes, not attempts: one turn for the change and its retries),
            // then the account's lane, whose turns go round between the callers waiting for it; both within maxWait.
            long start = System.nanoTime();
            return limiter.withTurn(quota, party, maxWait, giveUpWaiting(), quotaTurn -> {
                Duration remaining = maxWait.minusNanos(System.nanoTime() - start);
                return firstTurnThenAttempts(remaining.isNegative() ? Duration.ZERO : remaining);
            });
        }

        private Uni<T> firstTurnThenAttempts(Duration wait) {
            // The first turn is taken outside the breaker: a full queue says nothing about Bitget's health.
            return limiter.withTurn(lane, party, wait, giveUpWaiting(), turn -> {
                firstTurn.set(turn);
                attemptsStartNanos = System.nanoTime();
                return breaker.guard(() -> retries.get(endpoint).run(this::attempt)
                        // The breaker judges Bitget by what the last attempt met, not by the caller leaving.
                        .onFailure(CallerGoneException.class).transform(hungUp -> hungUp.sent() ? gone.lastFailure() : hungUp))
                        .onTermination().invoke(this::giveBackUnusedTurn);
            }).onFailure().transform(this::answeredFailure).onCancellation().invoke(() -> cancelled = true);
        }

        /**
         * What the caller is told: that it left, that its retry found the queue full (not the failure the retry was
         * for: the clock was measured again, or Bitget had its time to recover, and the queue alone stood in the way),
         * or the failure itself.
         */
        private Throwable answeredFailure(Throwable failure) {
            if (gone != null) {
                return gone;
            }
            // Only when the request ended on the failure the refused retry was for: a later attempt that went and met
            // something else (45117, a timeout) is what the caller must hear.
            RetryNotAdmittedException refused = notAdmitted;
            return refused != null && failure == refused.earlier() ? refused : failure;
        }

        private Uni<T> attempt() {
            Permit first = firstTurn.getAndSet(null);
            Uni<T> answered = first != null ? send(first) : mayStart() ? laterTurn() : Uni.createFrom().failure(goneNow());
            return answered.onFailure(BitgetException.class).invoke(failure -> lastFailure = (BitgetException) failure)
                    .onFailure(this::isFirstRefusedTimestamp).recoverWithUni(this::resynchroniseAndAttempt);
        }

        /** The exchange itself, with a turn: unless the caller has gone meanwhile, then the turn goes back unused. */
        private Uni<T> send(Permit turn) {
            if (!mayStart()) {
                turn.release();
                return Uni.createFrom().failure(goneNow());
            }
            if (hangup != null && endpoint.isWrite()) {
                hangup.changeSent();
            }
            notAdmitted = null;
            lastSentNanos = System.nanoTime();
            return spans.attempt(traced, endpoint, attempts.incrementAndGet(), turn.waited(),
                    exchange(endpoint, exchange, dataType))
                    .onFailure(BitgetClient::isRateLimitedByBitget).invoke(this::slowDownTheLane)
                    .onTermination().invoke(turn::release);
        }

        /**
         * A turn for a retry, waiting no longer than the retries' budget has left. When the queue is too long even
         * so, the breaker counts what needed the retry (that is what it knows of Bitget's health), and the caller is
         * refused for the full queue ({@link RetryNotAdmittedException}, {@link #answeredFailure}).
         */
        private Uni<T> laterTurn() {
            Duration left = retry.budget().minusNanos(System.nanoTime() - attemptsStartNanos);
            Duration wait = left.isNegative() ? Duration.ZERO : left.compareTo(maxWait) < 0 ? left : maxWait;
            return limiter.withTurn(lane, party, wait, giveUpWaiting(), this::send)
                    .onFailure(RateLimitExceededException.class).transform(queueFull -> {
                        if (lastFailure == null) {
                            return queueFull;
                        }
                        notAdmitted = new RetryNotAdmittedException((RateLimitExceededException) queueFull, lastFailure);
                        return lastFailure;
                    });
        }

        /** Bitget's 429 means every caller of this account and endpoint would meet it: the whole lane waits. */
        private void slowDownTheLane(Throwable tooMany) {
            limiter.slowDown(lane, ((BitgetException) tooMany).retryAfter().orElse(DEFAULT_BITGET_PAUSE));
        }

        private boolean mayStart() {
            return !cancelled && (hangup == null || hangup.allows(endpoint));
        }

        /** Fails a wait for a turn once the caller hangs up, when this call may then not start. */
        private Uni<Void> giveUpWaiting() {
            if (hangup == null) {
                return Uni.createFrom().nothing();
            }
            return hangup.whenHungUp().onItem().transformToUni(hungUp -> mayStart() ? Uni.createFrom().nothing()
                    : Uni.createFrom().failure(goneNow()));
        }

        private CallerGoneException goneNow() {
            CallerGoneException left = new CallerGoneException(endpoint, lastFailure);
            gone = left;
            return left;
        }

        private boolean isFirstRefusedTimestamp(Throwable failure) {
            return failure instanceof BitgetException bitget && bitget.isClockSkew() && !clockResynchronised;
        }

        private Uni<T> resynchroniseAndAttempt(Throwable refusedTimestamp) {
            clockResynchronised = true;
            meters.counter("bitget.margin.retries", "endpoint", endpoint.tag(), "reason", "clock-skew").increment();
            // A measurement that started before this attempt was signed may predate a clock step: wait for a later one.
            // A failed measurement keeps the last offset; the attempt then tells whether it was good enough.
            return clock.synchroniseAfter(lastSentNanos, BitgetClient.this::serverTime).onFailure().recoverWithItem(0L)
                    .chain(offset -> attempt());
        }

        private void giveBackUnusedTurn() {
            Permit unused = firstTurn.getAndSet(null);
            if (unused != null) {
                unused.release();
            }
        }
    }

    private static boolean isRateLimitedByBitget(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.RATE_LIMITED;
    }

    /** One HTTP exchange, timed, its answer turned into the envelope's data or a {@link BitgetException}. */
    private <T> Uni<T> exchange(BitgetEndpoint endpoint, Supplier<Uni<String>> exchange, Class<T> dataType) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(meters);
            return exchange.get()
                    .onFailure().transform(BitgetFailures::classify)
                    .map(body -> BitgetFailures.successData(200, body, dataType, null))
                    .onFailure(BitgetException.Rejected.class)
                    .transform(refusal -> ((BitgetException.Rejected) refusal).at(endpoint))
                    .onItemOrFailure().invoke((item, failure) -> sample.stop(meters.timer("bitget.upstream.latency",
                            "endpoint", endpoint.tag(), "outcome", outcome(failure))));
        });
    }

    private <T> Uni<T> counted(BitgetEndpoint endpoint, Uni<T> call) {
        return call.onItemOrFailure().invoke((item, failure) -> meters.counter("bitget.margin.calls",
                "endpoint", endpoint.tag(), "outcome", outcome(failure), "bitget_code", bitgetCode(failure)).increment());
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof BitgetException bitget) {
            return bitget.tag();
        }
        if (failure instanceof CallerGoneException) {
            return "caller-gone";
        }
        return failure instanceof RateLimitExceededException ? "queue-full" : "error";
    }

    private static String bitgetCode(Throwable failure) {
        if (failure == null) {
            return BitgetEnvelope.SUCCESS;
        }
        return failure instanceof BitgetException.Rejected rejected && rejected.bitgetCode() != null
                ? rejected.bitgetCode() : "none";
    }
}
