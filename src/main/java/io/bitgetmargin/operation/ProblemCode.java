package io.bitgetmargin.operation;

import java.util.Locale;

/**
 * Every stable {@code code} the facade answers with, its HTTP status, whether the same call may succeed later,
 * and what the caller should do. The error table of docs/errors.md lists the same.
 */
public enum ProblemCode {
    INVALID_REQUEST(400, "Invalid request", false,
            "Fix the fields listed in errors and send the request again; nothing was sent to Bitget."),
    UNKNOWN_ACCOUNT(400, "Unknown Bitget account", false,
            "Name a configured account in X-Bitget-Account, or leave the header out for the default account."),
    UNAUTHORIZED(401, "Missing or wrong credentials", false,
            "Send Authorization: Bearer <token> with a facade token (bitget-margin.api-tokens or "
                    + "bitget-margin.tokens.<label>.token) or a JWT of the configured identity provider."),
    ACCOUNT_FORBIDDEN(403, "Account not allowed for this caller", false,
            "The caller is limited to other Bitget accounts: a static token's are bitget-margin.tokens.<label>.accounts, "
                    + "a JWT's its accounts claim. Use a caller allowed this account."),
    SCOPE_MISSING(403, "Scope missing", false,
            "The caller lacks a scope this call needs: margin:read to read and for dry-run batches, margin:write to "
                    + "change. A static token's are bitget-margin.tokens.<label>.scopes, a JWT's its scope claim."),
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed", false,
            "A browser page of another site may not call the agents' endpoint (the MCP spec's DNS-rebinding rule): "
                    + "connect an MCP client, which sends no Origin, or list the page's origin in "
                    + "bitget-margin.mcp.allowed-origins."),
    REQUEST_TOO_LARGE(413, "Request body too large", false,
            "Send a body of at most bitget-margin.max-request-bytes (8 KiB by default); split a large batch."),
    NOT_FOUND(404, "Not found", false, "No such endpoint; see /q/openapi for the facade's endpoints."),
    METHOD_NOT_ALLOWED(405, "Method not allowed", false, "Use the method the endpoint documents."),
    NOT_ACCEPTABLE(406, "Not acceptable", false, "Accept application/json."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", false, "Send the body as application/json."),
    POSITION_OR_ORDER_OPEN(409, "Positions or orders are open", false,
            "Bitget does not change the margin mode while the symbol has an open position or order: close the "
                    + "positions and cancel the open and plan orders on this symbol first, then retry."),
    POSITION_MODE_BLOCKED(409, "Positions or orders are open in the product type", false,
            "Bitget switches the position mode only while no symbol of the product type (classic account) or of the "
                    + "account (unified) has an open position or order: close them and cancel the open and plan orders "
                    + "of every symbol there, then retry. The steps list what was applied before."),
    POSITION_MODE_LOCKED(422, "Position mode fixed for this account", false,
            "Bitget fixes this account's position mode (a copy-trading account is hedge mode only, a market-maker "
                    + "account one-way only, an experience-coupon account cannot switch): leave posMode out, or ask "
                    + "for the mode the account has."),
    LEVERAGE_OUT_OF_RANGE(400, "Leverage out of range", false,
            "Ask for a whole leverage within the contract's range (minLever to maxLever of Bitget's contracts list; "
                    + "a large position or a copy trader's cap allows less); detail names the range."),
    LEVERAGE_BLOCKED(409, "Leverage cannot change now", false,
            "Bitget does not change this leverage now: open or plan orders on the symbol, too little margin for a "
                    + "lower leverage, or a risk check in progress (see bitgetMsg). Cancel the orders or add margin, "
                    + "then retry; the steps list what was applied before."),
    LEVERAGE_NOT_ALLOWED(422, "Leverage change not allowed", false,
            "Bitget does not let this account change the leverage (copy trading, an experience coupon); see "
                    + "bitgetMsg, and leave leverage out."),
    MARGIN_MODE_NOT_ALLOWED(422, "Margin mode not allowed", false,
            "Bitget does not allow this margin mode for this account or symbol (multi-asset mode, one-way "
                    + "position, copy-trading lead trader, or a pair without cross margin); see bitgetMsg."),
    UNKNOWN_SYMBOL(422, "Unknown symbol", false,
            "Bitget has no such contract for this product type: check the symbol (e.g. BTCUSDT) and productType."),
    MARGIN_COIN_NOT_SUPPORTED(422, "Margin coin not supported", false,
            "This symbol cannot be margined in this coin: use its settle coin (USDT for USDT-FUTURES, USDC for "
                    + "USDC-FUTURES, the base coin for COIN-FUTURES)."),
    INVALID_PARAMETER(422, "Bitget rejected a parameter", false,
            "Bitget refused a parameter of the request; bitgetMsg names it."),
    LEVERAGE_UNKNOWN(422, "Leverage unknown", false,
            "A unified trading account changes a symbol's margin mode only together with its leverage, and Bitget's "
                    + "settings list no leverage for this symbol: set the symbol's leverage once in Bitget (app, web or "
                    + "POST /api/v3/account/set-leverage), then retry. Nothing was sent."),
    RATE_LIMITED(429, "Rate limited", true,
            "Too many calls for this Bitget account; wait for Retry-After seconds and retry."),
    BITGET_AUTH_FAILED(502, "Bitget refused the credentials", false,
            "Bitget refused the API key, signature, passphrase, permission or IP: check BITGET_API_KEY, "
                    + "BITGET_SECRET_KEY and BITGET_PASSPHRASE, the key's futures trade permission and its IP whitelist."),
    BITGET_CLOCK_SKEW(502, "Clock out of Bitget's window", true,
            "Bitget refused the request timestamp: the host clock differs from Bitget's by more than 30 s; "
                    + "synchronise it (NTP) and retry."),
    WRONG_ENVIRONMENT(502, "Wrong Bitget environment for this key", false,
            "The key and the environment do not match: a demo-trading key needs bitget.demo-trading=true "
                    + "(BITGET_DEMO_TRADING=true), or bitget.accounts.<name>.demo-trading=true for a named account; a "
                    + "live key needs it false."),
    WRONG_ACCOUNT_TYPE(502, "Wrong Bitget account type", false,
            "The key's account type and the API used for it disagree: when bitget.account-type (or "
                    + "bitget.accounts.<name>.account-type) fixes classic or unified, set it to the key's type, or to "
                    + "auto to let the service learn it from Bitget's answers."),
    NOT_AVAILABLE_IN_DEMO(502, "Not available in demo trading", false,
            "Bitget does not offer this endpoint in demo trading."),
    NOT_APPLIED(502, "Change not applied", true,
            "Bitget accepted the change but still reports the previous value when read back; read it again in a "
                    + "moment, and retry the change if it persists. On a unified account, check that its account level "
                    + "allows the mode and, in hedge mode, that both sides changed."),
    CHANGE_UNCONFIRMED(502, "Change not confirmed", true,
            "Bitget accepted the change, so it has most likely been applied, but reading it back failed: send the same "
                    + "request again (it reads first and sends nothing when the mode is already right), or read the mode."),
    BITGET_ERROR(502, "Bitget refused the call", false,
            "Bitget answered with an error this service does not know; bitgetCode and bitgetMsg say what it was."),
    EGRESS_PROXY_REFUSED(502, "Egress proxy refused", false,
            "The HTTP proxy this service calls Bitget through (quarkus.rest-client.bitget.proxy-address) refused its "
                    + "credentials: fix quarkus.rest-client.bitget.proxy-user and proxy-password. Nothing reached Bitget."),
    BITGET_UNAVAILABLE(503, "Bitget unavailable", true,
            "Bitget could not be reached or answered with a server error; retry after Retry-After seconds."),
    JWT_KEYS_UNAVAILABLE(503, "JWT keys unavailable", true,
            "This service cannot load the keys that verify JWTs (mp.jwt.verify.publickey.location, the identity "
                    + "provider's key set) right now, so it cannot tell whether the token is valid: retry after "
                    + "Retry-After seconds. Static facade tokens are not affected. Nothing was sent to Bitget."),
    ACCOUNT_SWITCHING(503, "Account type changing", true,
            "Bitget is moving this account between the classic and the unified type (upgrading or switching): "
                    + "retry after Retry-After seconds, once the move is done."),
    SYMBOL_UNAVAILABLE(503, "Contract unavailable", true,
            "The contract is under maintenance or has been removed; retry later or pick another symbol."),
    BITGET_TIMEOUT(504, "Bitget timed out", true,
            "Bitget did not answer in time; the change may or may not have been applied: read the mode before retrying."),
    CALLER_GONE(499, "Caller gone", true,
            "The caller hung up before the answer: nothing more was sent to Bitget for the request, and what had been "
                    + "sent was read back. No caller receives this answer; audit lines (outcome ABANDONED) and batch "
                    + "results record it. Send the request again to finish it."),
    INTERNAL_ERROR(500, "Internal error", false, "An unexpected error occurred; it has been logged.");

    private final int status;
    private final String title;
    private final boolean retryable;
    private final String advice;

    ProblemCode(int status, String title, boolean retryable, String advice) {
        this.status = status;
        this.title = title;
        this.retryable = retryable;
        this.advice = advice;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the caller should do; the default {@code detail}. */
    public String advice() {
        return advice;
    }

    /** The problem's {@code type} URI. */
    public String type() {
        return "urn:bitget-margin:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
