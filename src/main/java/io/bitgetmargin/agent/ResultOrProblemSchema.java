package io.bitgetmargin.agent;

import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bitgetmargin.operation.Problem;
import io.quarkiverse.mcp.server.GlobalOutputSchemaGenerator;
import io.quarkiverse.mcp.server.OutputSchemaGenerator;

/**
 * A tool's output schema: its answer, or the problem of a refusal. A refused call is a result with {@code isError}
 * whose structured content is the facade's problem, and MCP clients check any structured content against the tool's
 * output schema (the TypeScript SDK does, error or not), so the schema says both. The extension's own generator
 * writes each; their definitions go to the root, where both schemas' references point.
 * <p>
 * A problem always has its {@code code}, and the schema requires it: without that, any object at all would match the
 * problem's schema, and a client's check of an answer against the answer's schema would never fail.
 */
@Singleton
public class ResultOrProblemSchema implements OutputSchemaGenerator {

    private static final String DEFINITIONS = "$defs";

    private final GlobalOutputSchemaGenerator generator;
    private final ObjectMapper json;

    ResultOrProblemSchema(GlobalOutputSchemaGenerator generator, ObjectMapper json) {
        this.generator = generator;
        this.json = json;
    }

    @Override
    public Object generate(Class<?> from) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode definitions = json.createObjectNode();
        ObjectNode answer = alone(from, definitions);
        ObjectNode problem = alone(Problem.class, definitions);
        problem.putArray("required").add("code");
        schema.putArray("anyOf").add(answer).add(problem);
        if (!definitions.isEmpty()) {
            schema.set(DEFINITIONS, definitions);
        }
        return schema;
    }

    /** The schema of {@code type}, its definitions moved to {@code definitions}. */
    private ObjectNode alone(Class<?> type, ObjectNode definitions) {
        ObjectNode schema = json.valueToTree(generator.generate(type));
        schema.remove("$schema");
        JsonNode own = schema.remove(DEFINITIONS);
        if (own != null) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = own.fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                definitions.set(entry.getKey(), entry.getValue());
            }
        }
        return schema;
    }
}
