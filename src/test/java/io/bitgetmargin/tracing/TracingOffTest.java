package io.bitgetmargin.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without an OTLP endpoint, as every other test runs: the SDK is disabled, so no span reaches any exporter (the
 * OTLP one included: nothing is sent, nothing connects), even one flushed on purpose.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class TracingOffTest {

    @Inject
    Tracer tracer;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void noSpanIsExportedUntilAnEndpointIsSet() {
        assertEquals(true, ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class));
        Facade.get("symbol=BTCUSDT").statusCode(200);
        tracer.spanBuilder("probe").startSpan().end();
        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
        assertEquals(List.of(), spans.getFinishedSpanItems());
    }
}
