package io.bitgetmargin.api;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.CallerGoneException;
import io.bitgetmargin.bitget.UnknownAccountException;
import io.bitgetmargin.margin.AccountSwitchingException;
import io.bitgetmargin.margin.ChangeUnconfirmedException;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.LeverageUnknownException;
import io.bitgetmargin.margin.NotAppliedException;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.operation.RequestSpans;
import io.bitgetmargin.ratelimit.RateLimitExceededException;
import io.bitgetmargin.request.CurrentRequest;
import io.bitgetmargin.setup.LeverageOutOfRangeException;
import io.bitgetmargin.setup.SetupFailedException;
import io.bitgetmargin.setup.UnknownContractException;

/**
 * The one place where outcomes become HTTP answers: every failure leaves the facade as
 * {@code application/problem+json}, never as a stack trace, with the problem {@link Problems} describes and, for a
 * failure that may pass, {@code Retry-After}.
 */
public class ProblemMappers {

    private final CurrentRequest request;

    ProblemMappers(CurrentRequest request) {
        this.request = request;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return answer(Problems.describe(e));
    }

    /** An HTTP/2 body without a length that went past the limit as it was read (a refusal, not a failure). */
    @ServerExceptionMapper
    public Response bodyTooLarge(StreamedBodyLimit.TooLarge e) {
        return answer(FacadeBodyLimit.problem(e.maxRequestBytes()));
    }

    @ServerExceptionMapper
    public Response queueFull(RateLimitExceededException e) {
        return answer(Problems.describe(e), e.retryAfter());
    }

    @ServerExceptionMapper
    public Response bitgetRejected(BitgetException.Rejected e) {
        Problem problem = Problems.describe(e);
        return problem.retryable() ? answer(problem, e.retryAfter().orElse(Problems.DEFAULT_RETRY_AFTER)) : answer(problem);
    }

    @ServerExceptionMapper
    public Response bitgetUnavailable(BitgetException.Unavailable e) {
        return answer(Problems.describe(e), e.retryAfter().orElse(Problems.DEFAULT_RETRY_AFTER));
    }

    @ServerExceptionMapper
    public Response circuitOpen(BitgetException.CircuitOpen e) {
        return answer(Problems.describe(e), e.retryAfter().orElse(Problems.DEFAULT_RETRY_AFTER));
    }

    @ServerExceptionMapper
    public Response egressProxyRefused(BitgetException.EgressProxyRefused e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response bitgetTimeout(BitgetException.Timeout e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response unknownAccount(UnknownAccountException e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response notApplied(NotAppliedException e) {
        return answer(Problems.describe(e), Problems.DEFAULT_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response changeUnconfirmed(ChangeUnconfirmedException e) {
        return answer(Problems.describe(e), Problems.DEFAULT_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response leverageUnknown(LeverageUnknownException e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response setupFailed(SetupFailedException e) {
        Problem problem = Problems.describe(e);
        return problem.retryable() ? answer(problem, Problems.retryAfter(e.getCause())) : answer(problem);
    }

    @ServerExceptionMapper
    public Response leverageOutOfRange(LeverageOutOfRangeException e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response unknownContract(UnknownContractException e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response callerGone(CallerGoneException e) {
        return answer(Problems.describe(e));
    }

    @ServerExceptionMapper
    public Response accountSwitching(AccountSwitchingException e) {
        return answer(Problems.describe(e), AccountSwitchingException.RETRY_AFTER);
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response malformedJson(JsonParseException e) {
        return invalidBody("the body is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")", List.of());
    }

    @ServerExceptionMapper({ MismatchedInputException.class, UnrecognizedPropertyException.class,
            JsonMappingException.class, JsonProcessingException.class })
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return invalidBody("unknown field " + field,
                    List.of(new FieldProblem(field, "is not a field of this request")));
        }
        if (field.isEmpty()) {
            return invalidBody("the body must be a JSON object with string fields", List.of());
        }
        return invalidBody("field " + field + " has the wrong JSON type",
                List.of(new FieldProblem(field, "must be a JSON string")));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps some Jackson failures (malformed JSON, trailing tokens) in a 400.
            return unreadableJson(json);
        }
        ProblemCode code;
        if (e instanceof NotFoundException) {
            code = ProblemCode.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            code = ProblemCode.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotSupportedException) {
            code = ProblemCode.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof NotAcceptableException) {
            code = ProblemCode.NOT_ACCEPTABLE;
        } else if (e.getResponse().getStatus() < 500) {
            return invalidBody("the request could not be read", List.of());
        } else {
            return unexpected(e);
        }
        Response.ResponseBuilder answer = Response.status(code.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code).forRequest(request.id()));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            answer.header("Allow", allow);
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        return answer(Problems.describe(e));
    }

    private Response invalidBody(String what, List<FieldProblem> fields) {
        return answer(Problem.of(ProblemCode.INVALID_REQUEST, "Invalid request body: " + what + ". Nothing was sent to Bitget.")
                .withErrors(fields.isEmpty() ? null : fields));
    }

    /** The answer of the request being served: its id is taken from the request itself. */
    private Response answer(Problem problem) {
        return respond(problem.forRequest(request.id()), null);
    }

    private Response answer(Problem problem, Duration retryAfter) {
        return respond(problem.forRequest(request.id()), retryAfter);
    }

    /** {@code problem}, already of its request, as the answer; {@code retryAfter} null: no {@code Retry-After}. */
    static Response respond(Problem problem, Duration retryAfter) {
        RequestSpans.refused(problem);
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            answer.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return answer.build();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
