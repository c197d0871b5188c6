package io.bitgetmargin.tracing;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Tracing is off until an OTLP endpoint is configured: {@code quarkus.otel.sdk.disabled} answers {@code true} unless
 * it is set explicitly or {@code quarkus.otel.exporter.otlp.endpoint} (or {@code .traces.endpoint}) is, so that one
 * environment variable turns tracing on, and without it nothing is exported and nothing tries to connect (the
 * extension's own default would send to localhost:4317). Read at run time, so it holds in the native executable too.
 */
@Priority(Priorities.APPLICATION + 100)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || isSet(value)) {
            return value;
        }
        boolean endpointSet = ENDPOINTS.stream().map(context::proceed).anyMatch(TracingSwitch::isSet);
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(!endpointSet))
                .withConfigSourceName("bitget-margin tracing switch (on once an OTLP endpoint is set)").build();
    }

    /** The switch is a name too: the SDK's autoconfiguration copies the {@code quarkus.otel.*} names it is given. */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Set<String> names = new LinkedHashSet<>();
        context.iterateNames().forEachRemaining(names::add);
        names.add(SDK_DISABLED);
        return names.iterator();
    }

    /** Set by the user: not a default value of a mapping (those come from the lowest-ordinal source). */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE && !String.valueOf(value.getConfigSourceName())
                        .contains("DefaultValues");
    }
}
