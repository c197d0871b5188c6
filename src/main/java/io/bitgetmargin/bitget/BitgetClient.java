package io.bitgetmargin.bitget;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The Bitget calls as this service uses them: each answers the envelope's {@code data} on success, or fails with
 * one of the {@link BitgetException} types, never with a raw transport or parsing exception. Every HTTP exchange
 * passes the circuit breaker and is timed.
 */
@ApplicationScoped
@Startup // the circuit breaker exists, for health checks and maintenance, before the first call
public class BitgetClient {

    /** Name of the circuit breaker, for health checks and tests. */
    public static final String CIRCUIT_BREAKER = "bitget";

    private final BitgetRestClient restClient;
    private final Guard circuitBreaker;
    private final Duration circuitBreakerDelay;
    private final MeterRegistry meters;

    BitgetClient(@RestClient BitgetRestClient restClient, CircuitBreakerConfig breaker, MeterRegistry meters) {
        this.restClient = restClient;
        this.meters = meters;
        this.circuitBreakerDelay = breaker.delay();
        this.circuitBreaker = Guard.create()
                .withDescription("Bitget REST API")
                .withCircuitBreaker()
                .name(CIRCUIT_BREAKER)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(BitgetClient::isUpstreamFailure)
                .onStateChange(state -> Log.warnf("Bitget circuit breaker is now %s", state))
                .done()
                .build();
    }

    /** {@code POST /api/v2/mix/account/set-margin-mode}, signed for {@code account} (null: the default one). */
    public Uni<SetMarginModeData> setMarginMode(String account, SetMarginModeRequest request) {
        return call(BitgetEndpoint.SET_MARGIN_MODE, () -> restClient.setMarginMode(account, request), SetMarginModeData.class);
    }

    /** {@code GET /api/v2/mix/account/account}, signed. */
    public Uni<AccountData> account(String account, String symbol, String productType, String marginCoin) {
        return call(BitgetEndpoint.ACCOUNT, () -> restClient.account(account, symbol, productType, marginCoin),
                AccountData.class);
    }

    /** {@code GET /api/v2/public/time}, unsigned. */
    public Uni<ServerTimeData> serverTime() {
        return call(BitgetEndpoint.SERVER_TIME, restClient::serverTime, ServerTimeData.class);
    }

    /** The circuit breaker's state, for readiness. */
    public CircuitBreakerState circuitBreakerState() {
        return CircuitBreakerMaintenance.get().currentState(CIRCUIT_BREAKER);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private <T> Uni<T> call(BitgetEndpoint endpoint, Supplier<Uni<String>> exchange, Class<T> dataType) {
        Supplier<Uni<T>> timed = () -> {
            Timer.Sample sample = Timer.start(meters);
            return exchange.get()
                    .onFailure().transform(BitgetClient::classify)
                    .map(body -> successData(200, body, dataType, null))
                    .onItemOrFailure().invoke((item, failure) -> sample.stop(meters.timer("bitget.upstream.latency",
                            "endpoint", endpoint.tag(), "outcome", outcome(failure))));
        };
        // The raw Uni class, not a TypeLiteral: it tells the guard the call is asynchronous without relying on
        // generic signatures of an anonymous class, which a native image need not keep.
        Uni<T> guarded = (Uni<T>) circuitBreaker.get((Supplier) timed, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(open -> new BitgetException.Unavailable(
                "circuit breaker open after repeated failures", circuitBreakerDelay, false));
    }

    /** Failures that say Bitget itself is in trouble; refusals of a request never open the breaker. */
    static boolean isUpstreamFailure(Throwable failure) {
        return failure instanceof BitgetException.Unavailable || failure instanceof BitgetException.Timeout
                || (failure instanceof BitgetException.Rejected rejected
                        && rejected.category() == BitgetErrorCategory.UNAVAILABLE);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof BitgetException.Rejected rejected) {
            return "rejected-" + rejected.bitgetCode();
        }
        return failure instanceof BitgetException.Timeout ? "timeout" : "unavailable";
    }

    private static <T> T successData(int status, String body, Class<T> dataType, Duration retryAfter) {
        BitgetEnvelope<T> envelope;
        try {
            envelope = BitgetJson.readEnvelope(body, dataType);
        } catch (BitgetJson.NotAnEnvelopeException notEnvelope) {
            throw new BitgetException.Unavailable("HTTP " + status + " answer is not Bitget's JSON envelope ("
                    + notEnvelope.getMessage() + ")", retryAfter, false);
        }
        if (!envelope.isSuccess()) {
            throw new BitgetException.Rejected(status, envelope.code(), envelope.msg(), retryAfter);
        }
        return envelope.data();
    }

    /** Turns a transport failure or an HTTP error answer into a {@link BitgetException}. */
    static Throwable classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BitgetException known) {
                return known;
            }
            if (cause instanceof BitgetHttpError http) {
                return classifyHttpError(http);
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new BitgetException.Timeout("no answer within the read timeout");
            }
            if (cause instanceof ConnectException) {
                return new BitgetException.Unavailable("connection refused or failed", null, true);
            }
        }
        return new BitgetException.Unavailable("transport failure (" + failure.getClass().getSimpleName() + ")", null, true);
    }

    private static BitgetException classifyHttpError(BitgetHttpError http) {
        Duration retryAfter = parseRetryAfter(http.retryAfter());
        if (http.status() == 429) {
            String code = "429";
            String msg = "Too Many Requests";
            try {
                BitgetEnvelope<Object> envelope = BitgetJson.readEnvelope(http.body(), Object.class);
                code = envelope.code();
                msg = envelope.msg();
            } catch (BitgetJson.NotAnEnvelopeException emptyOrHtml) {
                // Bitget's gateway may answer 429 with no body at all.
            }
            return new BitgetException.Rejected(429, code, msg, retryAfter);
        }
        if (http.status() >= 500) {
            return new BitgetException.Unavailable("HTTP " + http.status(), retryAfter, true);
        }
        try {
            successData(http.status(), http.body(), Object.class, retryAfter);
            return new BitgetException.Unavailable("HTTP " + http.status() + " with a success code", retryAfter, false);
        } catch (BitgetException classified) {
            return classified;
        }
    }

    private static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
