package io.bitgetmargin.bitget;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * The Bitget calls as this service uses them: each answers the envelope's {@code data} on success, or fails with
 * one of the {@link BitgetException} types, never with a raw transport or parsing exception.
 */
@ApplicationScoped
public class BitgetClient {

    private final BitgetRestClient restClient;

    BitgetClient(@RestClient BitgetRestClient restClient) {
        this.restClient = restClient;
    }

    /** {@code POST /api/v2/mix/account/set-margin-mode}, signed for {@code account} (null: the default one). */
    public Uni<SetMarginModeData> setMarginMode(String account, SetMarginModeRequest request) {
        return call(restClient.setMarginMode(account, request), SetMarginModeData.class);
    }

    /** {@code GET /api/v2/mix/account/account}, signed. */
    public Uni<AccountData> account(String account, String symbol, String productType, String marginCoin) {
        return call(restClient.account(account, symbol, productType, marginCoin), AccountData.class);
    }

    /** {@code GET /api/v2/public/time}, unsigned. */
    public Uni<ServerTimeData> serverTime() {
        return call(restClient.serverTime(), ServerTimeData.class);
    }

    private static <T> Uni<T> call(Uni<String> call, Class<T> dataType) {
        return call
                .onFailure().transform(BitgetClient::classify)
                .map(body -> successData(200, body, dataType, null));
    }

    private static <T> T successData(int status, String body, Class<T> dataType, Duration retryAfter) {
        BitgetEnvelope<T> envelope;
        try {
            envelope = BitgetJson.readEnvelope(body, dataType);
        } catch (BitgetJson.NotAnEnvelopeException notEnvelope) {
            throw new BitgetException.Unavailable(
                    "HTTP " + status + " answer is not Bitget's JSON envelope (" + notEnvelope.getMessage() + ")", retryAfter);
        }
        if (!envelope.isSuccess()) {
            throw new BitgetException.Rejected(status, envelope.code(), envelope.msg(), retryAfter);
        }
        return envelope.data();
    }

    /** Turns a transport failure or an HTTP error answer into a {@link BitgetException}. */
    static Throwable classify(Throwable failure) {
        if (failure instanceof BitgetException known) {
            return known;
        }
        if (failure instanceof BitgetHttpError http) {
            return classifyHttpError(http);
        }
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
                return new BitgetException.Unavailable("connection refused or failed", null);
            }
        }
        return new BitgetException.Unavailable("transport failure (" + failure.getClass().getSimpleName() + ")", null);
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
            return new BitgetException.Unavailable("HTTP " + http.status(), retryAfter);
        }
        try {
            successData(http.status(), http.body(), Object.class, retryAfter);
            return new BitgetException.Unavailable("HTTP " + http.status() + " with a success code", retryAfter);
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
