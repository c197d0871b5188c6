package io.bitgetmargin.api;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.bitgetmargin.bitget.BitgetErrorCode;
import io.bitgetmargin.operation.Problem;
import io.bitgetmargin.operation.ProblemCode;
import io.bitgetmargin.operation.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents every problem the facade can answer on every operation: one response per HTTP status, with an example
 * per {@link ProblemCode} of that status, which names the Bitget codes it stands for. Generated from the enums, so the
 * document cannot drift from the code.
 * <p>
 * Each such response is written once, under {@code components/responses} ({@code Problem400}, ...), and every
 * operation refers to it: the same twenty problems inlined in every operation made the document 2.6 times larger,
 * and Quarkus parses and writes the whole document again at every start.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD) // the document is static: no need to filter it again at start-up
public class ProblemResponsesFilter implements OASFilter {

    private final Map<Integer, APIResponse> byStatus = problemResponses();

    @Override
    public Operation filterOperation(Operation operation) {
        byStatus.keySet().forEach(status -> {
            // The operation's own problem responses stay; bare ones (the 401 and 403 SmallRye OpenAPI adds to
            // @RolesAllowed operations) give way to the problems.
            APIResponse declared = operation.getResponses().getAPIResponse(String.valueOf(status));
            if (declared == null || declared.getContent() == null
                    || declared.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
                operation.getResponses().addAPIResponse(String.valueOf(status),
                        OASFactory.createAPIResponse().ref(componentName(status)));
            }
        });
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        byStatus.forEach((status, response) -> openAPI.getComponents().addResponse(componentName(status), response));
    }

    static String componentName(int status) {
        return "Problem" + status;
    }

    private static Map<Integer, APIResponse> problemResponses() {
        Map<Integer, APIResponse> byStatus = new TreeMap<>();
        for (ProblemCode code : ProblemCode.values()) {
            APIResponse response = byStatus.computeIfAbsent(code.status(), status -> OASFactory.createAPIResponse()
                    .description("A problem (RFC 9457): " + code.title())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
            media.addExample(code.name(), example(code));
            if (!response.getDescription().contains(code.name())) {
                response.description(response.getDescription() + "; " + code.name());
            }
        }
        return byStatus;
    }

    private static Example example(ProblemCode code) {
        Map<String, Object> problem = new TreeMap<>();
        problem.put("type", code.type());
        problem.put("title", code.title());
        problem.put("status", code.status());
        problem.put("detail", code.advice());
        problem.put("code", code.name());
        problem.put("retryable", code.retryable());
        Example example = OASFactory.createExample().summary(code.title()).value(problem);
        String bitgetCodes = Arrays.stream(BitgetErrorCode.values())
                .filter(bitget -> Problems.forCategory(bitget.category()) == code)
                .map(BitgetErrorCode::code).sorted().collect(Collectors.joining(", "));
        return bitgetCodes.isEmpty() ? example : example.description("Bitget codes: " + bitgetCodes);
    }
}
