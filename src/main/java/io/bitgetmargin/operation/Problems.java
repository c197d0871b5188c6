package io.bitgetmargin.operation;

import java.time.Duration;
import java.util.List;

import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetEndpoint;
import io.bitgetmargin.bitget.BitgetErrorCategory;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.RetryNotAdmittedException;
import io.bitgetmargin.bitget.UnknownAccountException;
import io.bitgetmargin.margin.AccountSwitchingException;
import io.bitgetmargin.margin.ChangeUnconfirmedException;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.LeverageUnknownException;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.bitgetmargin.security.AccessDeniedException;
import io.bitgetmargin.setup.LeverageOutOfRangeException;
import io.bitgetmargin.setup.SetupFailedException;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.bitgetmargin.setup.UnknownContractException;
import io.quarkus.logging.Log;

/**
 * What every failure means to a caller, whichever door it came in by: the problem that describes it (its code, a
 * detail that says what to do, whether the same call may succeed later, Bitget's own code) and how long to wait
 * before trying again. The REST facade answers it as {@code application/problem+json}, the agents' endpoint as a
 * tool error; both say the same. This is where 45117 becomes {@code POSITION_OR_ORDER_OPEN}.
 */
public final class Problems {

    /** Seconds to wait when Bitget gave no {@code Retry-After} of its own. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private Problems() {
    }

    private static String queueFull(RateLimitExceededException queueFull, String what) {
        if (BitgetClient.CALLER_QUOTA.equals(queueFull.laneTag())) {
            return "This caller may make only so many changes a second (its quota: bitget-margin.tokens.<label>."
                    + "changes-per-second, its JWT's changes_per_second claim, or bitget-margin.callers.changes-per-second),"
                    + " and would have had to queue " + what + " too long for its next one";
        }
        return "This service keeps each Bitget account under Bitget's rate limit, taking turns between its callers, and "
                + "would have had to queue " + what + " too long: " + queueFull.getMessage();
    }

    /** How long to wait before the same call, for a retryable failure. */
    public static Duration retryAfter(Throwable failure) {
        if (failure instanceof SetupFailedException failed && failed.getCause() != null) {
            return retryAfter(failed.getCause());
        }
        if (failure instanceof BitgetException bitget) {
            return bitget.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof RateLimitExceededException queueFull) {
            return queueFull.retryAfter();
        }
        return failure instanceof AccountSwitchingException ? AccountSwitchingException.RETRY_AFTER : DEFAULT_RETRY_AFTER;
    }

    /** A request without credentials (401). */
    public static Problem noCredentials() {
        return Problem.of(ProblemCode.UNAUTHORIZED, ProblemCode.UNAUTHORIZED.advice() + " Nothing was sent to Bitget.");
    }

    /** A request whose bearer token is not accepted (401); which check a JWT failed stays in the service. */
    public static Problem credentialsRefused() {
        return Problem.of(ProblemCode.UNAUTHORIZED, "The bearer token is neither one of the facade's tokens nor a JWT "
                + "this service accepts (signed with the configured key, from the configured issuer and for the "
                + "configured audience, within its validity). Nothing was sent to Bitget.");
    }

    /** The problem that describes an outcome; also used for the failed items of a batch. */
    public static Problem describe(Throwable e) {
        if (e instanceof SetupFailedException failed) {
            SymbolSetupResult result = failed.result();
            Problem cause = failed.getCause() instanceof RateLimitExceededException queueFull
                    ? Problem.of(ProblemCode.RATE_LIMITED, queueFull(queueFull, "the next step") + ". The steps say which "
                            + "were applied; after Retry-After seconds send the same setup again, which sends only what "
                            + "is left.")
                    : describe(failed.getCause());
            return cause.withSetup(result.before(), result.after(), result.steps());
        }
        if (e instanceof LeverageOutOfRangeException outOfRange) {
            return Problem.of(ProblemCode.LEVERAGE_OUT_OF_RANGE, outOfRange.getMessage() + ". Nothing was sent to Bitget.")
                    .withErrors(List.of(new FieldProblem(outOfRange.field(), outOfRange.getMessage())));
        }
        if (e instanceof UnknownContractException unknown) {
            return Problem.of(ProblemCode.UNKNOWN_SYMBOL, unknown.getMessage() + ". " + ProblemCode.UNKNOWN_SYMBOL.advice()
                    + " Nothing was sent to Bitget.");
        }
        if (e instanceof AccessDeniedException denied) {
            ProblemCode code = denied.lacking() == AccessDeniedException.Lacking.SCOPE ? ProblemCode.SCOPE_MISSING
                    : ProblemCode.ACCOUNT_FORBIDDEN;
            return Problem.of(code, denied.getMessage() + ". " + code.advice() + " Nothing was sent to Bitget.");
        }
        if (e instanceof InvalidRequestException invalid) {
            return Problem.of(ProblemCode.INVALID_REQUEST, invalid.getMessage() + ". Nothing was sent to Bitget.")
                    .withErrors(invalid.problems());
        }
        if (e instanceof RetryNotAdmittedException notAdmitted) {
            return Problem.of(ProblemCode.RATE_LIMITED, queueFull(notAdmitted, "the next attempt of this call")
                    + ". The attempt before it met: " + notAdmitted.earlier().getMessage() + ". Retry after Retry-After "
                    + "seconds (a change reads the symbol first, and sends nothing if it already has the mode).");
        }
        if (e instanceof RateLimitExceededException queueFull) {
            return Problem.of(ProblemCode.RATE_LIMITED, queueFull(queueFull, "this call")
                    + ". Retry after Retry-After seconds; nothing was sent to Bitget.");
        }
        if (e instanceof BitgetException.Rejected rejected) {
            ProblemCode code = forCategory(rejected.category());
            return Problem.of(code, detail(rejected, code)).withBitget(rejected.bitgetCode(), rejected.bitgetMsg());
        }
        if (e instanceof BitgetException.Unavailable || e instanceof BitgetException.CircuitOpen) {
            return Problem.of(ProblemCode.BITGET_UNAVAILABLE, e.getMessage() + ". " + ProblemCode.BITGET_UNAVAILABLE.advice());
        }
        if (e instanceof BitgetException.EgressProxyRefused) {
            return Problem.of(ProblemCode.EGRESS_PROXY_REFUSED);
        }
        if (e instanceof BitgetException.Timeout) {
            return Problem.of(ProblemCode.BITGET_TIMEOUT);
        }
        if (e instanceof UnknownAccountException unknown) {
            return Problem.of(ProblemCode.UNKNOWN_ACCOUNT, unknown.getMessage() + ". Nothing was sent to Bitget.");
        }
        if (e instanceof NotAppliedException notApplied) {
            return Problem.of(ProblemCode.NOT_APPLIED, notApplied.getMessage() + ". " + ProblemCode.NOT_APPLIED.advice());
        }
        if (e instanceof ChangeUnconfirmedException unconfirmed) {
            return Problem.of(ProblemCode.CHANGE_UNCONFIRMED, unconfirmed.getMessage() + ". "
                    + ProblemCode.CHANGE_UNCONFIRMED.advice());
        }
        if (e instanceof LeverageUnknownException unknown) {
            return Problem.of(ProblemCode.LEVERAGE_UNKNOWN, unknown.getMessage() + ". " + ProblemCode.LEVERAGE_UNKNOWN.advice());
        }
        if (e instanceof CallerGoneException gone) {
            Problem problem = Problem.of(ProblemCode.CALLER_GONE, "The" + gone.getMessage().substring(3) + ". "
                    + ProblemCode.CALLER_GONE.advice());
            return gone.lastFailure() instanceof BitgetException.Rejected rejected
                    ? problem.withBitget(rejected.bitgetCode(), rejected.bitgetMsg()) : problem;
        }
        if (e instanceof AccountSwitchingException switching) {
            return Problem.of(ProblemCode.ACCOUNT_SWITCHING, switching.getMessage() + ". "
                    + ProblemCode.ACCOUNT_SWITCHING.advice());
        }
        // The whole trace, for whoever fixes the bug; the answer shows none of it. No exception of ours carries a
        // credential, signature or pre-hash in its message.
        Log.error("Unexpected failure while serving a request", e);
        return Problem.of(ProblemCode.INTERNAL_ERROR);
    }

    /**
     * What the caller should do about a refusal: the code's advice, or, for the refusals whose cure depends on the
     * exact Bitget code or on the endpoint that refused, that cure.
     */
    public static String detail(BitgetException.Rejected rejected, ProblemCode code) {
        return switch (String.valueOf(rejected.bitgetCode())) {
            case "22005" -> "The account level of this unified trading account fixes the margin mode (the isolated "
                    + "margin level allows isolated only, delta neutral crossed only): ask for the mode the level allows, "
                    + "or change the account level in Bitget first.";
            case "40014" -> rejected.endpoint().filter(BitgetEndpoint::isSigned).map(endpoint -> "The API key lacks "
                    + "the permission Bitget asks for on " + endpoint.tag() + ": give it \"" + endpoint.permission()
                    + "\" in Bitget's API key management"
                    + (endpoint.api() == AccountType.UNIFIED ? " (a unified trading account's key needs the UTA "
                            + "permissions, not the classic futures ones)" : "")
                    + ", then retry.").orElse(code.advice());
            case "40085" -> wrongAccountType("classic v2", "a unified trading account", "classic", "unified");
            case "40084" -> wrongAccountType("unified (v3)", "a classic account", "unified", "classic");
            default -> code.advice();
        };
    }

    private static String wrongAccountType(String refusedApi, String keyType, String configured, String fix) {
        return "Bitget refuses its " + refusedApi + " API for this key: it belongs to " + keyType + ". Where the "
                + "account is configured account-type=" + configured + ", set it to " + fix + " or auto "
                + "(bitget.account-type, bitget.accounts.<name>.account-type); with auto, Bitget changed its answer "
                + "within this request: retry.";
    }

    public static ProblemCode forCategory(BitgetErrorCategory category) {
        return switch (category) {
            case AUTHENTICATION -> ProblemCode.BITGET_AUTH_FAILED;
            case CLOCK_SKEW -> ProblemCode.BITGET_CLOCK_SKEW;
            case WRONG_ENVIRONMENT -> ProblemCode.WRONG_ENVIRONMENT;
            case WRONG_ACCOUNT_TYPE -> ProblemCode.WRONG_ACCOUNT_TYPE;
            case NOT_AVAILABLE_IN_DEMO -> ProblemCode.NOT_AVAILABLE_IN_DEMO;
            case RATE_LIMITED -> ProblemCode.RATE_LIMITED;
            case UNAVAILABLE -> ProblemCode.BITGET_UNAVAILABLE;
            case TIMEOUT -> ProblemCode.BITGET_TIMEOUT;
            case POSITION_OR_ORDER_OPEN -> ProblemCode.POSITION_OR_ORDER_OPEN;
            case POSITION_MODE_BLOCKED -> ProblemCode.POSITION_MODE_BLOCKED;
            case POSITION_MODE_LOCKED -> ProblemCode.POSITION_MODE_LOCKED;
            case LEVERAGE_OUT_OF_RANGE -> ProblemCode.LEVERAGE_OUT_OF_RANGE;
            case LEVERAGE_BLOCKED -> ProblemCode.LEVERAGE_BLOCKED;
            case LEVERAGE_NOT_ALLOWED -> ProblemCode.LEVERAGE_NOT_ALLOWED;
            case MARGIN_MODE_NOT_ALLOWED -> ProblemCode.MARGIN_MODE_NOT_ALLOWED;
            case UNKNOWN_SYMBOL -> ProblemCode.UNKNOWN_SYMBOL;
            case SYMBOL_UNAVAILABLE -> ProblemCode.SYMBOL_UNAVAILABLE;
            case MARGIN_COIN_NOT_SUPPORTED -> ProblemCode.MARGIN_COIN_NOT_SUPPORTED;
            case INVALID_PARAMETER -> ProblemCode.INVALID_PARAMETER;
            case OTHER -> ProblemCode.BITGET_ERROR;
        };
    }
}
