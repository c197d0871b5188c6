package io.bitgetmargin.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The names of the attributes this service puts on its spans, one place for the table in docs/observability.md.
 * Labels and public values only: never a key, secret, passphrase, signature or token.
 */
public final class TraceAttributes {

    /** The request id of {@code X-Request-Id}, given or generated. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("bitget_margin.request_id");
    /** The caller's label (a static token's label or a JWT's subject), never the token. */
    public static final AttributeKey<String> CALLER = AttributeKey.stringKey("bitget_margin.caller");
    /** The account's configured name ({@code default} without {@code X-Bitget-Account}), never its key. */
    public static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("bitget_margin.account");
    public static final AttributeKey<String> SYMBOL = AttributeKey.stringKey("bitget_margin.symbol");
    public static final AttributeKey<String> PRODUCT_TYPE = AttributeKey.stringKey("bitget_margin.product_type");
    /** What the request did ({@code CHANGED}, {@code UNCHANGED}, ...), when it answered 200. */
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("bitget_margin.outcome");
    /** The problem code of a refusal ({@code RATE_LIMITED}, {@code POSITION_OR_ORDER_OPEN}, ...). */
    public static final AttributeKey<String> PROBLEM = AttributeKey.stringKey("bitget_margin.problem");

    /** The Bitget endpoint's path of an attempt's span. */
    public static final AttributeKey<String> BITGET_PATH = AttributeKey.stringKey("bitget.path");
    /** The HTTP status Bitget answered an attempt with (absent when no answer came). */
    public static final AttributeKey<Long> BITGET_HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    /** Bitget's code ({@code 00000} on success). */
    public static final AttributeKey<String> BITGET_CODE = AttributeKey.stringKey("bitget.code");
    /** 1 for the first attempt of a call, 2 for its first retry, ... */
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("bitget.attempt");
    public static final AttributeKey<Boolean> RETRY = AttributeKey.booleanKey("bitget.retry");
    /** How long the attempt queued at the rate limiter for its turn, in milliseconds. */
    public static final AttributeKey<Long> LIMITER_WAIT_MS = AttributeKey.longKey("bitget_margin.limiter.wait_ms");

    private TraceAttributes() {
    }
}
