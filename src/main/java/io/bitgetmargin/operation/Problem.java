package io.bitgetmargin.operation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.setup.SetupStep;
import io.bitgetmargin.setup.SymbolSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem, as every facade error is answered ({@code application/problem+json}). {@code bitgetCode}
 * and {@code bitgetMsg} are present when Bitget answered; {@code errors} lists the fields of an invalid request;
 * {@code requestId} is the request's {@code X-Request-Id}, as in the audit trail and the log. A symbol setup that
 * did not end as asked adds its {@code steps} (which were applied, which failed, which were skipped) and the symbol's
 * settings {@code before} and, as read back, {@code after}. {@code retryAfterSeconds} is in an agent's tool error only;
 * an HTTP answer says it in {@code Retry-After} ({@link #withoutRetryAfter}).
 */
@RegisterForReflection(targets = { Problem.class, FieldProblem.class })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        boolean retryable,
        String bitgetCode,
        String bitgetMsg,
        List<FieldProblem> errors,
        String requestId,
        SymbolSettings before,
        SymbolSettings after,
        List<SetupStep> steps,
        Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.name(), code.retryable(), null, null,
                null, null, null, null, null, null);
    }

    public static Problem of(ProblemCode code) {
        return of(code, code.advice());
    }

    /** The same problem, of the request {@code id} (each answer says which request it answers). */
    public Problem forRequest(String id) {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, errors, id, before, after,
                steps, retryAfterSeconds);
    }

    public Problem withBitget(String bitgetCode, String bitgetMsg) {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, errors, requestId, before,
                after, steps, retryAfterSeconds);
    }

    public Problem withSetup(SymbolSettings settingsBefore, SymbolSettings settingsAfter, List<SetupStep> setupSteps) {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, errors, requestId,
                settingsBefore, settingsAfter, setupSteps, retryAfterSeconds);
    }

    /**
     * The same problem, saying how long to wait before the same call: for an agent's tool error, which travels in an
     * HTTP 200 where no {@code Retry-After} header can say it (the REST facade sends the header).
     */
    public Problem withRetryAfter(java.time.Duration wait) {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, errors, requestId, before,
                after, steps, Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** The same problem without {@code retryAfterSeconds}: for an HTTP answer, whose {@code Retry-After} says it. */
    public Problem withoutRetryAfter() {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, errors, requestId, before,
                after, steps, null);
    }

    public Problem withErrors(List<FieldProblem> fieldProblems) {
        return new Problem(type, title, status, detail, code, retryable, bitgetCode, bitgetMsg, fieldProblems,
                requestId, before, after, steps, retryAfterSeconds);
    }
}
