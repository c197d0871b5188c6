package io.bitgetmargin.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Facade requests for tests and load runs that call several service instances with the JDK's HTTP client. */
public final class FacadeRequests {

    private FacadeRequests() {
    }

    /** {@code PUT /v1/margin-mode} of a USDT-margined perpetual, with a bearer token. */
    public static HttpRequest changeMarginMode(String baseUrl, String token, String symbol, String mode, Duration timeout) {
        String body = "{\"symbol\":\"" + symbol + "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\""
                + mode + "\"}";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/v1/margin-mode"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code GET /v1/margin-mode} of a USDT-margined perpetual, with a bearer token. */
    public static HttpRequest readMarginMode(String baseUrl, String token, String symbol, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/v1/margin-mode?symbol=" + symbol))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .GET().build();
    }
}
