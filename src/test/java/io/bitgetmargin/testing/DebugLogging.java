package io.bitgetmargin.testing;

import java.nio.file.Path;
import java.util.Map;

/** Configuration for tests that read the service's log: every logger at DEBUG, into a file of the test's own. */
public final class DebugLogging {

    private DebugLogging() {
    }

    public static Map<String, String> into(Path log) {
        return Map.of(
                "quarkus.log.level", "DEBUG",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", log.toString(),
                "quarkus.log.file.level", "DEBUG",
                // The file gets everything; the console (the CI log) stays readable.
                "quarkus.log.console.level", "INFO",
                "quarkus.rest-client.logging.scope", "request-response",
                "quarkus.rest-client.logging.body-limit", "10000",
                "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG",
                // RestAssured's own HTTP client shares this JVM; its wire log is the test's traffic (the test sends
                // the token and reads the simulator's records), not the service's.
                "quarkus.log.category.\"org.apache.http\".level", "INFO");
    }
}
