package io.bitgetmargin.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Locale;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The facade as a caller uses it, for RestAssured tests: one place that builds its requests and reads its problems. */
public final class Facade {

    private Facade() {
    }

    /** A request with the test token, for the default account. */
    public static RequestSpecification caller() {
        return as(TestAccounts.TOKEN, null);
    }

    /** A request with {@code token}, for {@code account} (null: no X-Bitget-Account header, the default account). */
    public static RequestSpecification as(String token, String account) {
        RequestSpecification request = given().auth().oauth2(token);
        return account == null ? request : request.header("X-Bitget-Account", account);
    }

    /** {@code PUT /v1/margin-mode} with the test token. */
    public static ValidatableResponse put(Object body) {
        return put(caller(), "", body);
    }

    /** {@code PUT /v1/margin-mode?query} with the test token. */
    public static ValidatableResponse put(String query, Object body) {
        return put(caller(), query, body);
    }

    /** {@code PUT /v1/margin-mode?query} of any request, e.g. {@link #as}. */
    public static ValidatableResponse put(RequestSpecification request, String query, Object body) {
        return request.contentType(ContentType.JSON).body(body).when()
                .put("/v1/margin-mode" + (query.isEmpty() ? "" : "?" + query)).then();
    }

    /** {@code GET /v1/margin-mode?query} with the test token. */
    public static ValidatableResponse get(String query) {
        return caller().when().get("/v1/margin-mode?" + query).then();
    }

    /** {@code POST /v1/margin-mode/batch} with the test token. */
    public static ValidatableResponse batch(Object body) {
        return caller().contentType(ContentType.JSON).body(body).when().post("/v1/margin-mode/batch").then();
    }

    /** {@code PUT /v1/symbol-setup?query} with the test token. */
    public static ValidatableResponse setup(String query, Object body) {
        return setup(caller(), query, body);
    }

    /** {@code PUT /v1/symbol-setup?query} of any request. */
    public static ValidatableResponse setup(RequestSpecification request, String query, Object body) {
        return request.contentType(ContentType.JSON).body(body).when()
                .put("/v1/symbol-setup" + (query.isEmpty() ? "" : "?" + query)).then();
    }

    /** {@code POST /v1/symbol-setup/batch} of any request. */
    public static ValidatableResponse setupBatch(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body).when().post("/v1/symbol-setup/batch").then();
    }

    /** A change in Bitget's field names. */
    public static Map<String, String> change(String symbol, String productType, String marginCoin, String marginMode) {
        return Map.of("symbol", symbol, "productType", productType, "marginCoin", marginCoin, "marginMode", marginMode);
    }

    /** A change of a USDT-margined perpetual. */
    public static Map<String, String> change(String symbol, String marginMode) {
        return change(symbol, "USDT-FUTURES", "USDT", marginMode);
    }

    /** Asserts that the answer is the problem {@code code} with {@code status}, in full RFC 9457 form. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:bitget-margin:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("retryable", notNullValue());
    }
}
