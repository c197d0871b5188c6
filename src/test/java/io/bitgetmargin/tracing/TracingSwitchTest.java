package io.bitgetmargin.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Tracing is off until an OTLP endpoint is set; an explicit {@code quarkus.otel.sdk.disabled} decides alone. */
class TracingSwitchTest {

    private static boolean disabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withInterceptors(new TracingSwitch())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    @Test
    void offWithoutAnEndpoint() {
        assertEquals(true, disabled(Map.of()));
    }

    @Test
    void onOnceAnEndpointIsSet() {
        assertEquals(false, disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
        assertEquals(false, disabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals(true, disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317",
                TracingSwitch.SDK_DISABLED, "true")));
        assertEquals(false, disabled(Map.of(TracingSwitch.SDK_DISABLED, "false")));
    }
}
