package io.bitgetmargin.agent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.request.RequestIds;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolManager.ToolArgument;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A tool call's arguments held to the tool's input schema before the extension takes the call, as the facade holds
 * a body to its fields: every argument that is unknown (a misspelt {@code dry_run} must not turn a dry run into a
 * change), missing or of the wrong JSON type is listed in one {@code INVALID_REQUEST} problem, answered as a tool error,
 * and nothing is sent to Bitget. The extension would ignore an unknown argument and stop at the first bad one with a
 * sentence only. The values (a symbol, a mode, a leverage) are the operations' to check, as for REST. A {@code null}
 * argument is one left out.
 */
@ApplicationScoped
class ToolArguments {

    private final ToolManager tools;
    private final ToolCalls calls;

    ToolArguments(ToolManager tools, ToolCalls calls) {
        this.tools = tools;
        this.calls = calls;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, StatelessSessions.PRIORITY - 1);
    }

    private void check(RoutingContext context) {
        JsonObject call = StatelessSessions.messageOf(context);
        ToolInfo tool = call != null && "tools/call".equals(call.getValue("method")) && call.containsKey("id")
                && call.getValue("params") instanceof JsonObject params && params.getValue("name") instanceof String name
                        ? tools.getTool(name) : null;
        if (tool == null) {
            context.next(); // not a call of one of our tools: the extension answers it
            return;
        }
        JsonObject params = call.getJsonObject("params");
        List<FieldProblem> problems = problemsOf(params.getValue("arguments") instanceof JsonObject given ? given
                : new JsonObject(), tool.arguments());
        if (problems.isEmpty()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(ProblemCode.INVALID_REQUEST, "Invalid arguments: " + problems.stream()
                .map(field -> field.field() + " " + field.message()).collect(Collectors.joining("; "))
                + ". Nothing was sent to Bitget.").withErrors(problems).forRequest(RequestIds.of(context));
        // The JSON-RPC answer, as the extension writes a tool's.
        context.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("jsonrpc", "2.0")
                .put("id", call.getValue("id")).put("result", calls.errorOf(problem)).encode());
    }

    /** What is wrong with {@code arguments} for a tool that takes {@code declared}. */
    static List<FieldProblem> problemsOf(JsonObject arguments, List<ToolArgument> declared) {
        Map<String, Object> given = arguments.getMap();
        Set<String> names = declared.stream().map(ToolArgument::name).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>();
        given.keySet().stream().filter(name -> !names.contains(name)).sorted()
                .forEach(name -> problems.add(new FieldProblem(name, "is not an argument of this tool")));
        for (ToolArgument argument : declared) {
            Object value = given.get(argument.name());
            if (value == null) {
                if (argument.required() && (argument.defaultValue() == null || argument.defaultValue().isEmpty())) {
                    problems.add(new FieldProblem(argument.name(), "is required"));
                }
            } else if (!fits(value, argument.type())) {
                problems.add(new FieldProblem(argument.name(), "must be a JSON " + jsonTypeOf(argument.type())));
            }
        }
        return problems;
    }

    private static boolean fits(Object value, Type type) {
        return switch (jsonTypeOf(type)) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "number" -> value instanceof Number;
            case "array of strings" -> (value instanceof JsonArray array ? array.getList() : value) instanceof List<?> list
                    && list.stream().allMatch(String.class::isInstance);
            default -> true;
        };
    }

    /** The JSON type a tool argument of {@code type} takes, as its input schema says. */
    private static String jsonTypeOf(Type type) {
        if (type == String.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == BigDecimal.class) {
            return "number";
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class) {
            return "array of strings";
        }
        return "value";
    }
}
