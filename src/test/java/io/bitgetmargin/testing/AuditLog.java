package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail the service under test wrote to its own file ({@code %test.quarkus.log.handler.file."audit"}, one
 * JSON object per line), for the request ids a test sent; and the service's main log file.
 */
public final class AuditLog {

    public static final Path FILE = Path.of("target", "audit-test.log");
    public static final Path MAIN_LOG = Path.of("target", "quarkus-test.log");
    /**
     * The configuration that keeps the audit trail in {@code file}, one JSON object per line, as the test profile
     * does: for the packaged artifact of an integration test, which runs the production profile.
     */
    public static Map<String, String> config(Path file) {
        return Map.of("quarkus.log.handler.file.\"audit\".enabled", "true",
                "quarkus.log.handler.file.\"audit\".path", file.toString(),
                "quarkus.log.handler.file.\"audit\".format", "%s%n",
                "quarkus.log.category.\"bitget-margin.audit\".handlers", "audit");
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {
    }

    /** The audit lines of one request, in the order written, once there are at least {@code expected} of them. */
    public static List<Map<String, Object>> of(String requestId, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> linesOf(requestId), lines -> lines.size() >= expected);
    }

    /** The single audit line of one request. */
    public static Map<String, Object> single(String requestId) {
        List<Map<String, Object>> lines = of(requestId, 1);
        if (lines.size() != 1) {
            throw new AssertionError("expected one audit line for " + requestId + ", found " + lines);
        }
        return lines.get(0);
    }

    /** The raw log lines of one request: every line whose log context holds its id. */
    public static List<String> logLinesOf(String requestId) {
        return read(MAIN_LOG).stream().filter(line -> line.contains(") " + requestId + " ")).toList();
    }

    /** The audit file and the main log, whole. */
    public static String whole() {
        return String.join("\n", read(FILE)) + "\n" + String.join("\n", read(MAIN_LOG));
    }

    /** The single audit line of one request in {@code file}, an audit trail of its own ({@link #config}). */
    public static Map<String, Object> singleIn(Path file, String requestId) {
        List<Map<String, Object>> lines = Awaitility.await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(file) ? linesOf(file, requestId) : List.of(),
                        found -> !found.isEmpty());
        if (lines.size() != 1) {
            throw new AssertionError("expected one audit line for " + requestId + ", found " + lines);
        }
        return lines.get(0);
    }

    private static List<Map<String, Object>> linesOf(String requestId) {
        return linesOf(FILE, requestId);
    }

    private static List<Map<String, Object>> linesOf(Path file, String requestId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String logged : read(file)) {
            int start = logged.indexOf("{\"event\":");
            if (start >= 0 && logged.contains("\"requestId\":\"" + requestId + "\"")) {
                String line = logged.substring(start);
                try {
                    found.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
                    }));
                } catch (IOException e) {
                    throw new AssertionError("an audit line is not one JSON object: " + line, e);
                }
            }
        }
        return found;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
