package io.bitgetmargin.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.openapi.api.SmallRyeOpenAPI;

/**
 * What Quarkus 3.34 does with the OpenAPI document at every start, before the first request can be served: read the
 * document generated at build time, then write it as JSON and as YAML (its {@code OpenApiDocumentService}). Measured
 * on the packaged jar's document ({@code shape=shared}, each problem response once under {@code components}) and on
 * the same document with every problem response inlined into every operation ({@code shape=inlined}, as it was
 * generated before). {@code bench/jmh.sh OpenApiDocument -prof gc} adds the bytes allocated per start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OpenApiDocumentBenchmark {

    private static final String GENERATED = "META-INF/quarkus-generated-openapi-doc.JSON";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({ "shared", "inlined" })
    public String shape;

    /** The packaged jar's generated classes and resources; {@code ./mvnw package} makes it. */
    @Param("target/quarkus-app/quarkus/generated-bytecode.jar")
    public String generated;

    private byte[] document;

    @Setup
    public void readTheGeneratedDocument() throws IOException {
        try (ZipFile jar = new ZipFile(Path.of(generated).toFile());
                InputStream in = jar.getInputStream(jar.getEntry(GENERATED))) {
            byte[] shared = in.readAllBytes();
            document = shape.equals("shared") ? shared : inlined(shared);
        }
    }

    @Benchmark
    public int prepareAtStartUp() {
        SmallRyeOpenAPI openApi = read();
        return openApi.toJSON().length() + openApi.toYAML().length();
    }

    @Benchmark
    public Object readOnly() {
        return read().model();
    }

    private SmallRyeOpenAPI read() {
        return SmallRyeOpenAPI.builder()
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(document))
                .build();
    }

    /** The document with each {@code $ref} to a shared response replaced by the response itself. */
    static byte[] inlined(byte[] shared) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(shared);
            JsonNode responses = root.path("components").path("responses");
            for (JsonNode path : root.path("paths")) {
                for (JsonNode operation : path) {
                    ObjectNode answers = (ObjectNode) operation.path("responses");
                    for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> answer = it.next();
                        String ref = answer.getValue().path("$ref").asText("");
                        if (ref.startsWith("#/components/responses/")) {
                            answer.setValue(responses.get(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy());
                        }
                    }
                }
            }
            ((ObjectNode) root.path("components")).remove("responses");
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
