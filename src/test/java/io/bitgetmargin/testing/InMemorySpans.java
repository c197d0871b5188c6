package io.bitgetmargin.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The tests' span exporter, beside (instead of, in the test profile) the OTLP one: the SDK hands every ended span to
 * the CDI beans of type {@code SpanExporter}. Only tests that turn tracing on see spans in it.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
