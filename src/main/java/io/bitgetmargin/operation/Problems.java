package io.bitgetmargin.operation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
import io.bitgetmargin.security.JwtKeys;
import io.bitgetmargin.setup.LeverageOutOfRangeException;
import io.bitgetmargin.setup.SetupFailedException;
import io.bitgetmargin.setup.SymbolSetupResult;
import io.bitgetmargin.setup.UnknownContractException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * What every failure means to a caller, whichever door it came in by, decided here and nowhere else: the problem that
 * describes it (its code, a detail that says what to do, whether the same call may succeed later, Bitget's own code)
 * and how long to wait before trying again ({@link #answerTo}). The REST facade answers it as
 * {@code application/problem+json} with {@code Retry-After}, the agents' endpoint as a tool error with
 * {@code retryAfterSeconds}; both say the same. This is where 45117 becomes {@code POSITION_OR_ORDER_OPEN}.
 */
public final class Problems {

    /** Seconds to wait when Bitget gave no {@code Retry-After} of its own. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private Problems() {
    }

    /**
     * The problem a call that failed with {@code failure} is answered with: the one {@link #describe} says and, when
     * the same call may succeed later, how long to wait before it ({@code retryAfterSeconds}; the REST facade sends it
     * as {@code Retry-After}).
     */
    public static Problem answerTo(Throwable failure) {
        Problem problem = describe(failure);
        return problem.retryable() ? problem.withRetryAfter(retryAfter(failure)) : problem;
    }

    /** How long to wait before the same call, for a retryable failure: the one place that says it. */
    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof SetupFailedException failed && failed.getCause() != null) {
            return retryAfter(failed.getCause());
        }
        if (failure instanceof BitgetException bitget) {
            return bitget.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof RateLimitExceededException queueFull) {
            return queueFull.retryAfter();
        }
        if (failure instanceof AccountSwitchingException) {
            return AccountSwitchingException.RETRY_AFTER;
        }
        return JwtKeys.areUnavailable(failure) ? JwtKeys.RETRY_AFTER : DEFAULT_RETRY_AFTER;
    }

    /** A request without credentials (401). */
    public static Problem noCredentials() {
        return Problem.of(ProblemCode.UNAUTHORIZED, ProblemCode.UNAUTHORIZED.advice() + " Nothing was sent to Bitget.");
    }

    /** A body larger than {@code maxRequestBytes} (413), refused before it was read to its end. */
    public static Problem bodyTooLarge(long maxRequestBytes) {
        return Problem.of(ProblemCode.REQUEST_TOO_LARGE, "The body is larger than the " + maxRequestBytes + " bytes "
                + "accepted (bitget-margin.max-request-bytes); split it, e.g. into smaller batches. Nothing was sent to "
                + "Bitget.");
    }

    /**
     * The problem that describes an outcome, of either door; also used for the failed items of a batch. Each family
     * of failures has its own method; whatever none of them knows is a bug, logged, and answered as
     * {@code INTERNAL_ERROR}.
     */
    public static Problem describe(Throwable e) {
        if (e instanceof SetupFailedException failed) {
            return setupFailed(failed);
        }
        return refusedBeforeSending(e)
                .or(() -> unauthenticated(e))
                .or(() -> rateLimited(e))
                .or(() -> bitgetFailed(e))
                .or(() -> unsettled(e))
                .or(() -> unreadableRequest(e))
                .orElseGet(() -> unexpected(e));
    }

    /** A symbol setup that stopped: the problem of the step that failed, with every step and the settings. */
    private static Problem setupFailed(SetupFailedException failed) {
        SymbolSetupResult result = failed.result();
        Problem cause = failed.getCause() instanceof RateLimitExceededException queueFull
                ? Problem.of(ProblemCode.RATE_LIMITED, queueFull(queueFull, "the next step") + ". The steps say which "
                        + "were applied; after Retry-After seconds send the same setup again, which sends only what "
                        + "is left.")
                : describe(failed.getCause());
        return cause.withSetup(result.before(), result.after(), result.steps());
    }

    /** What this service refuses before it sends anything: the request's fields, its account, its caller's access. */
    private static Optional<Problem> refusedBeforeSending(Throwable e) {
        if (e instanceof InvalidRequestException invalid) {
            return nothingSent(ProblemCode.INVALID_REQUEST, invalid.getMessage() + ".")
                    .map(p -> p.withErrors(invalid.problems()));
        }
        if (e instanceof LeverageOutOfRangeException outOfRange) {
            return nothingSent(ProblemCode.LEVERAGE_OUT_OF_RANGE, outOfRange.getMessage() + ".")
                    .map(p -> p.withErrors(List.of(new FieldProblem(outOfRange.field(), outOfRange.getMessage()))));
        }
        if (e instanceof UnknownContractException unknown) {
            return nothingSent(ProblemCode.UNKNOWN_SYMBOL, unknown.getMessage() + ". "
                    + ProblemCode.UNKNOWN_SYMBOL.advice());
        }
        if (e instanceof UnknownAccountException unknown) {
            return nothingSent(ProblemCode.UNKNOWN_ACCOUNT, unknown.getMessage() + ".");
        }
        if (e instanceof AccessDeniedException denied) {
            ProblemCode code = denied.lacking() == AccessDeniedException.Lacking.SCOPE ? ProblemCode.SCOPE_MISSING
                    : ProblemCode.ACCOUNT_FORBIDDEN;
            return nothingSent(code, denied.getMessage() + ". " + code.advice());
        }
        return Optional.empty();
    }

    /** A caller without credentials, or with credentials that cannot be checked or are not accepted. */
    private static Optional<Problem> unauthenticated(Throwable e) {
        if (e instanceof UnauthorizedException) {
            return Optional.of(noCredentials());
        }
        if (JwtKeys.areUnavailable(e)) {
            return Optional.of(Problem.of(ProblemCode.JWT_KEYS_UNAVAILABLE));
        }
        if (e instanceof AuthenticationFailedException) {
            // Which check a JWT failed stays in the service.
            return Optional.of(Problem.of(ProblemCode.UNAUTHORIZED, "The bearer token is neither one of the facade's "
                    + "tokens nor a JWT this service accepts (signed with the configured key, from the configured issuer "
                    + "and for the configured audience, within its validity). Nothing was sent to Bitget."));
        }
        return Optional.empty();
    }

    /** A call that would have had to queue too long for its turn (this service's rate limit, or the caller's quota). */
    private static Optional<Problem> rateLimited(Throwable e) {
        if (e instanceof RetryNotAdmittedException notAdmitted) {
            return Optional.of(Problem.of(ProblemCode.RATE_LIMITED, queueFull(notAdmitted, "the next attempt of this call")
                    + ". The attempt before it met: " + notAdmitted.earlier().getMessage() + ". Retry after Retry-After "
                    + "seconds (a change reads the symbol first, and sends nothing if it already has the mode)."));
        }
        if (e instanceof RateLimitExceededException queueFull) {
            return Optional.of(Problem.of(ProblemCode.RATE_LIMITED, queueFull(queueFull, "this call")
                    + ". Retry after Retry-After seconds; nothing was sent to Bitget."));
        }
        return Optional.empty();
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

    /** Bitget refused the call, did not answer, or could not be reached, or the account is changing its type. */
    private static Optional<Problem> bitgetFailed(Throwable e) {
        if (e instanceof BitgetException.Rejected rejected) {
            ProblemCode code = forCategory(rejected.category());
            return Optional.of(Problem.of(code, detail(rejected, code)).withBitget(rejected.bitgetCode(),
                    rejected.bitgetMsg()));
        }
        if (e instanceof BitgetException.Unavailable || e instanceof BitgetException.CircuitOpen) {
            return withAdvice(ProblemCode.BITGET_UNAVAILABLE, e);
        }
        if (e instanceof BitgetException.EgressProxyRefused) {
            return Optional.of(Problem.of(ProblemCode.EGRESS_PROXY_REFUSED));
        }
        if (e instanceof BitgetException.Timeout) {
            return Optional.of(Problem.of(ProblemCode.BITGET_TIMEOUT));
        }
        return e instanceof AccountSwitchingException ? withAdvice(ProblemCode.ACCOUNT_SWITCHING, e) : Optional.empty();
    }

    /** A change whose end is not known as asked: not applied, not confirmed, not read back, or its caller gone. */
    private static Optional<Problem> unsettled(Throwable e) {
        if (e instanceof NotAppliedException) {
            return withAdvice(ProblemCode.NOT_APPLIED, e);
        }
        if (e instanceof ChangeUnconfirmedException) {
            return withAdvice(ProblemCode.CHANGE_UNCONFIRMED, e);
        }
        if (e instanceof LeverageUnknownException) {
            return withAdvice(ProblemCode.LEVERAGE_UNKNOWN, e);
        }
        if (e instanceof CallerGoneException gone) {
            Problem problem = Problem.of(ProblemCode.CALLER_GONE, "The" + gone.getMessage().substring(3) + ". "
                    + ProblemCode.CALLER_GONE.advice());
            return Optional.of(gone.lastFailure() instanceof BitgetException.Rejected rejected
                    ? problem.withBitget(rejected.bitgetCode(), rejected.bitgetMsg()) : problem);
        }
        return Optional.empty();
    }

    /**
     * An HTTP request the REST layer could not take: a body that is not the JSON asked for, or no such endpoint,
     * method or media type.
     */
    private static Optional<Problem> unreadableRequest(Throwable e) {
        if (e instanceof JsonProcessingException json) {
            return Optional.of(unreadableBody(json));
        }
        if (e instanceof WebApplicationException http && http.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps some Jackson failures (malformed JSON, trailing tokens) in a 400.
            return Optional.of(unreadableBody(json));
        }
        return e instanceof WebApplicationException http ? refusedByHttp(http) : Optional.empty();
    }

    /** No such endpoint, method or media type, or a request Quarkus REST could not read; a 5xx is none of these. */
    private static Optional<Problem> refusedByHttp(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return Optional.of(Problem.of(ProblemCode.NOT_FOUND));
        }
        if (e instanceof NotAllowedException) {
            return Optional.of(Problem.of(ProblemCode.METHOD_NOT_ALLOWED));
        }
        if (e instanceof NotSupportedException) {
            return Optional.of(Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE));
        }
        if (e instanceof NotAcceptableException) {
            return Optional.of(Problem.of(ProblemCode.NOT_ACCEPTABLE));
        }
        return e.getResponse().getStatus() < 500 ? Optional.of(invalidBody("the request could not be read", List.of()))
                : Optional.empty();
    }

    private static Problem unreadableBody(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return invalidBody("the body is not well-formed JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")", List.of());
        }
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return invalidBody("unknown field " + field, List.of(new FieldProblem(field, "is not a field of this request")));
        }
        if (field.isEmpty()) {
            return invalidBody("the body must be a JSON object with string fields", List.of());
        }
        return invalidBody("field " + field + " has the wrong JSON type",
                List.of(new FieldProblem(field, "must be a JSON string")));
    }

    private static Problem invalidBody(String what, List<FieldProblem> fields) {
        return Problem.of(ProblemCode.INVALID_REQUEST, "Invalid request body: " + what + ". Nothing was sent to Bitget.")
                .withErrors(fields.isEmpty() ? null : fields);
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Problem unexpected(Throwable e) {
        // The whole trace, for whoever fixes the bug; the answer shows none of it. No exception of ours carries a
        // credential, signature or pre-hash in its message.
        Log.error("Unexpected failure while serving a request", e);
        return Problem.of(ProblemCode.INTERNAL_ERROR);
    }

    /** {@code code}'s problem, whose {@code detail} (whole sentences) says that nothing was sent. */
    private static Optional<Problem> nothingSent(ProblemCode code, String detail) {
        return Optional.of(Problem.of(code, detail + " Nothing was sent to Bitget."));
    }

    /** {@code code}'s problem, whose {@code detail} is what happened ({@code e}'s message) and the code's advice. */
    private static Optional<Problem> withAdvice(ProblemCode code, Throwable e) {
        return Optional.of(Problem.of(code, e.getMessage() + ". " + code.advice()));
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
