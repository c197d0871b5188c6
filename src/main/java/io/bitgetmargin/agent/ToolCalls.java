package io.bitgetmargin.agent;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.audit.AuditTrail;
import io.bitgetmargin.operation.Channel;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.Problems;
import io.bitgetmargin.request.RequestIds;
import io.bitgetmargin.security.AccessDeniedException;
import io.bitgetmargin.tracing.NestedSpans;
import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.quarkiverse.mcp.server.InitialRequest;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.ext.web.RoutingContext;

/**
 * One agent's tool call, from its request to its result: a span named for the tool under the request's, the request's
 * id and the agent's client taken on the request's own thread, the operation, and its answer as structured content,
 * or, for a refusal, the facade's problem as a tool error ({@code isError}) that the agent can read and act on. A
 * refused caller gets its {@code denied} audit line here, as the facade's security mappers write it for REST.
 */
@ApplicationScoped
class ToolCalls {

    /** The OpenTelemetry semantic conventions' names for an MCP call. */
    private static final AttributeKey<String> MCP_METHOD = AttributeKey.stringKey("mcp.method.name");
    private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    private static final String TOOLS_CALL = "tools/call";

    private final NestedSpans spans;
    private final CurrentVertxRequest http;
    private final AuditTrail audit;
    private final ObjectMapper json;

    ToolCalls(NestedSpans spans, CurrentVertxRequest http, AuditTrail audit, ObjectMapper json) {
        this.spans = spans;
        this.http = http;
        this.audit = audit;
        this.json = json;
    }

    /** Calls {@code tool} through {@code operation}. */
    <T> Uni<ToolResponse> call(String tool, McpConnection connection, Function<Channel, Uni<T>> operation) {
        RoutingContext request = http.getCurrent();
        String requestId = RequestIds.of(request);
        String client = clientOf(request, connection);
        // The tool runs on a Vert.x context of its own, which has not the log context the request's filter set.
        MDC.put(RequestIds.LOG_KEY, requestId);
        return cancelledWhenGone(request, spans.serving(TOOLS_CALL + " " + tool, request.request()::getHeader, span -> {
            span.setAttribute(MCP_METHOD, TOOLS_CALL);
            span.setAttribute(TOOL_NAME, tool);
            span.setAttribute(TraceAttributes.REQUEST_ID, requestId);
        }, span -> {
            Channel channel = Channel.mcp(client, requestId, span);
            return operation.apply(channel).map(this::answered)
                    .onFailure().recoverWithItem(failure -> refused(tool, channel, failure));
        }));
    }

    /**
     * {@code call}, cancelled when the agent's connection closes before its answer: the extension does not cancel a
     * tool's work then, and the operation must learn that its caller hung up (a change runs to its end and is read
     * back and audited, nothing more is sent: {@code Hangup}), as it does for REST.
     */
    private static <T> Uni<T> cancelledWhenGone(RoutingContext request, Uni<T> call) {
        return Uni.createFrom().emitter(emitter -> {
            Cancellable work = call.subscribe().with(emitter.context(), emitter::complete, emitter::fail);
            request.addEndHandler(ended -> {
                if (ended.failed()) {
                    work.cancel();
                }
            });
            emitter.onTermination(work::cancel);
        });
    }

    private ToolResponse answered(Object result) {
        return new ToolResponse(false, List.of(new TextContent(text(result))), result, null);
    }

    private ToolResponse refused(String tool, Channel channel, Throwable failure) {
        if (failure instanceof AccessDeniedException denied) {
            audit.denied(channel.facts(denied.caller(), denied.account()), TOOLS_CALL, tool, 403, denied.reason());
        }
        Problem problem = Problems.answerTo(failure).forRequest(channel.requestId());
        channel.span().setAttribute(TraceAttributes.PROBLEM, problem.code());
        return errorOf(problem);
    }

    /**
     * {@code problem} as a tool error ({@code isError}): its JSON as the text content, and as the structured content
     * that the tools' output schema declares ({@link ResultOrProblemSchema}).
     */
    ToolResponse errorOf(Problem problem) {
        return new ToolResponse(true, List.of(new TextContent(text(problem))), problem, null);
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool's answer cannot be written as JSON", e);
        }
    }

    /**
     * The agent's MCP client as it introduced itself, {@code name/version}: from its session token
     * ({@link StatelessSessions}), or from the connection that {@code initialize} opened; null when it did not say.
     */
    static String clientOf(RoutingContext request, McpConnection connection) {
        StatelessSessions.Client client = StatelessSessions.clientOf(request);
        if (client != null) {
            return client.label();
        }
        InitialRequest initial = connection == null ? null : connection.initialRequest();
        if (initial == null || initial.autoInitialized() || initial.implementation() == null) {
            return null;
        }
        return new StatelessSessions.Client(initial.implementation().name(), initial.implementation().version()).label();
    }
}
