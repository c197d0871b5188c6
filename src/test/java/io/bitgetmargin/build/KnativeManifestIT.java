package io.bitgetmargin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Knative Service generated at package time: scale to zero, secrets from a Secret, health probes. */
class KnativeManifestIT {

    private static JsonNode service() throws IOException {
        Path manifest = Path.of("target", "kubernetes", "knative.json");
        assertTrue(Files.exists(manifest), "package the application first: " + manifest);
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        JsonNode service = root.isArray() ? root.get(0) : root.has("items") ? root.get("items").get(0) : root;
        assertEquals("serving.knative.dev/v1", service.path("apiVersion").asText());
        assertEquals("Service", service.path("kind").asText());
        return service;
    }

    @Test
    void scalesToZero() throws IOException {
        assertEquals("0", service().at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/min-scale").asText());
    }

    @Test
    void takesCredentialsFromTheBitgetMarginSecret() throws IOException {
        JsonNode container = service().at("/spec/template/spec/containers/0");
        assertEquals("bitget-margin", container.at("/envFrom/0/secretRef/name").asText());
    }

    @Test
    void sharesTheRateLimitOfEveryInstanceThroughRedis() throws IOException {
        JsonNode container = service().at("/spec/template/spec/containers/0");
        assertEquals("redis", env(container, "BITGET_MARGIN_RATE_LIMIT_STORE"));
        // Should Redis be lost, the most instances there can be keep together within Bitget's smallest limit (5/s).
        assertEquals("5", service().at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/max-scale")
                .asText());
        assertEquals("5", env(container, "BITGET_MARGIN_RATE_LIMIT_REDIS_INSTANCES"));
        // QUARKUS_REDIS_HOSTS comes from the same Secret (envFrom), never from the manifest.
        assertTrue(!Files.readString(Path.of("target", "kubernetes", "knative.yml")).contains("redis://"));
    }

    /** The value of one of the container's env entries, in whatever order Quarkus wrote them; null if absent. */
    private static String env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (name.equals(entry.path("name").asText())) {
                return entry.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void asksForKubernetesRestrictedProfile() throws IOException {
        JsonNode security = service().at("/spec/template/spec/containers/0/securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean(), security.toString());
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), security.toString());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), security.toString());
        assertEquals("ALL", security.at("/capabilities/drop/0").asText(), security.toString());
        assertEquals(1, security.at("/capabilities/drop").size());
        assertTrue(security.at("/capabilities/add").isMissingNode(), "no capability is added back");
        assertEquals("RuntimeDefault", security.at("/seccompProfile/type").asText(), security.toString());
        JsonNode volumes = service().at("/spec/template/spec/volumes");
        assertTrue(volumes.isMissingNode() || volumes.isEmpty(), "nothing writable is mounted: " + volumes);
    }

    @Test
    void asksForTheMemoryTheNativeImageWasMeasuredToNeed() throws IOException {
        JsonNode resources = service().at("/spec/template/spec/containers/0/resources");
        assertEquals("64Mi", resources.at("/requests/memory").asText(), resources.toString());
        assertEquals("128Mi", resources.at("/limits/memory").asText(), resources.toString());
    }

    @Test
    void probesLivenessAndReadiness() throws IOException {
        JsonNode container = service().at("/spec/template/spec/containers/0");
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    }

    @Test
    void containsNoSecretValue() throws IOException {
        String manifest = Files.readString(Path.of("target", "kubernetes", "knative.yml"));
        assertTrue(!manifest.contains("BITGET_SECRET_KEY") && !manifest.contains("secret-key"), "no credential in the manifest");
    }
}
