package io.bitgetmargin.agent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.request.RequestIds;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolOutputGuardrail;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Arguments the extension refuses before a tool runs (a required one missing, one of the wrong JSON type) as the
 * facade's {@code INVALID_REQUEST} problem naming the field, like every other refusal an agent gets. The extension
 * answers them as a tool error with a sentence only; a tool of ours always answers with structured content, so an
 * error without it is one of these. Values the tools take (a symbol, a mode, a leverage) are checked by the
 * operations themselves, which list every bad field.
 */
@Singleton
public class ArgumentProblems implements ToolOutputGuardrail {

    private static final Pattern MISSING = Pattern.compile("Missing required argument: (\\S+)");
    private static final Pattern WRONG_TYPE = Pattern.compile("Invalid argument \\[(\\S+)] - unable to convert value");

    private final CurrentVertxRequest http;
    private final ObjectMapper json;

    ArgumentProblems(CurrentVertxRequest http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public void apply(ToolOutputContext context) {
        ToolResponse response = context.getResponse();
        if (!response.isError() || response.structuredContent() != null
                || !(response.firstContent() instanceof TextContent refusal)) {
            return;
        }
        FieldProblem field = fieldOf(refusal.text());
        if (field == null) {
            return;
        }
        Problem problem = Problem.of(ProblemCode.INVALID_REQUEST, "Invalid arguments: " + field.field() + " "
                + field.message() + ". Nothing was sent to Bitget.").withErrors(List.of(field))
                .forRequest(RequestIds.of(http.getCurrent()));
        try {
            context.setResponse(new ToolResponse(true, List.of(new TextContent(json.writeValueAsString(problem))),
                    problem, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem cannot be written as JSON", e);
        }
    }

    /** The field the extension's sentence names, with what is wrong with it; null for any other sentence. */
    static FieldProblem fieldOf(String refusal) {
        Matcher missing = MISSING.matcher(refusal);
        if (missing.find()) {
            return new FieldProblem(missing.group(1), "is required");
        }
        Matcher wrongType = WRONG_TYPE.matcher(refusal);
        if (wrongType.find()) {
            return new FieldProblem(wrongType.group(1), "has the wrong JSON type: see the tool's input schema");
        }
        return null;
    }
}
