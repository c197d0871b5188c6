package io.bitgetmargin.build;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Fails the build when a record that Jackson must read or write by reflection in the native executable is missing
 * from the reflection configuration that Quarkus generated ({@code -Dnative -Dquarkus.native.sources-only=true}).
 * Quarkus registers what its own REST layer serialises, but not what goes through our own {@code ObjectMapper}s
 * (the signed request body, Bitget's envelope, the simulator's JSON, problem bodies built in exception mappers):
 * such a class serialises as {@code {}} in a native run, and nothing else catches that before a native test.
 * <p>
 * Required: the records listed below, every record annotated with {@link RegisterForReflection} or named in its
 * {@code targets}, and, recursively, every record of ours that appears in a component of a required one.
 * <p>
 * It also fails when any class of the simulator is in the native sources or their reflection configuration.
 * <p>
 * Usage: {@code NativeReflectionCheck <runner jar in target/native-sources> <target/classes>}.
 */
public final class NativeReflectionCheck {

    /** Records that go through our own mappers; the annotation scan finds the others. */
    private static final List<String> THROUGH_OUR_MAPPERS = List.of(
            "io.bitgetmargin.bitget.SetMarginModeRequest", // signed body, BitgetJson.write
            "io.bitgetmargin.bitget.BitgetEnvelope", // BitgetJson.readEnvelope
            "io.bitgetmargin.bitget.SetMarginModeData",
            "io.bitgetmargin.bitget.AccountData",
            "io.bitgetmargin.bitget.ServerTimeData",
            "io.bitgetmargin.bitget.SetLeverageRequest", // signed body of unified accounts
            "io.bitgetmargin.bitget.AccountSettingsData",
            "io.bitgetmargin.bitget.AccountSettingsData$SymbolConfig",
            "io.bitgetmargin.bitget.SetFuturesLeverageRequest", // signed bodies of the symbol setup
            "io.bitgetmargin.bitget.SetFuturesLeverageData",
            "io.bitgetmargin.bitget.SetPositionModeRequest",
            "io.bitgetmargin.bitget.SetPositionModeData",
            "io.bitgetmargin.bitget.SetHoldModeRequest",
            "io.bitgetmargin.bitget.ContractList",
            "io.bitgetmargin.bitget.ContractData",
            "io.bitgetmargin.operation.Problem", // error bodies built in exception mappers and filters
            "io.bitgetmargin.margin.InvalidRequestException$FieldProblem",
            "io.bitgetmargin.operation.BatchResponse",
            "io.bitgetmargin.audit.MarginModeAuditLine", // AuditTrail's JSON lines
            "io.bitgetmargin.audit.DeniedAuditLine",
            "io.bitgetmargin.audit.SymbolSetupAuditLine",
            "io.bitgetmargin.setup.SymbolSetupResult", // in problem bodies (before, after, steps)
            // Agents' tool results: structured content our ToolCalls serialises, and the output schemas the MCP
            // extension's generator writes at run time by reflecting on these records and the ones they hold.
            "io.bitgetmargin.margin.MarginModeState",
            "io.bitgetmargin.margin.MarginModeResult",
            "io.bitgetmargin.operation.BatchResponse$Result",
            "io.bitgetmargin.operation.AccountSummary",
            "io.bitgetmargin.agent.AccountList",
            "io.bitgetmargin.setup.SymbolSettings",
            "io.bitgetmargin.setup.SetupStep",
            "io.bitgetmargin.agent.ProtectedResourceMetadata$Metadata"); // RFC 9728 metadata

    /** The simulator serves dev mode and the tests only: none of it may reach the native executable. */
    private static final String SIMULATOR = "io/bitgetmargin/simulator/";

    private NativeReflectionCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path runnerJar = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Set<String> inImage = entries(runnerJar);
        List<String> simulator = inImage.stream().filter(name -> name.startsWith(SIMULATOR)).sorted().toList();
        if (!simulator.isEmpty()) {
            System.out.println("native reflection check: FAILED; the simulator is in the native sources: " + simulator);
            System.exit(1);
        }
        if (inImage.stream().noneMatch(name -> name.startsWith("io/bitgetmargin/") && name.endsWith(".class"))) {
            throw new IllegalStateException("no application class in " + runnerJar + ": nothing could be checked");
        }
        Set<String> registered = registeredForReflection(runnerJar);
        if (registered.stream().anyMatch(name -> name.startsWith(SIMULATOR.replace('/', '.')))) {
            System.out.println("native reflection check: FAILED; reflect-config.json registers simulator classes");
            System.exit(1);
        }
        Set<String> required = required(classes, inImage);

        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(registered);
        if (!missing.isEmpty()) {
            System.out.println("native reflection check: FAILED; missing from reflect-config.json:");
            missing.forEach(name -> System.out.println("  " + name + "  (add @RegisterForReflection)"));
            System.exit(1);
        }
        System.out.printf("native reflection check: %d records checked, all registered for reflection%n", required.size());
    }

    /** Class names that the generated reflect-config.json registers with their constructors and methods. */
    static Set<String> registeredForReflection(Path runnerJar) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile jar = new ZipFile(runnerJar.toFile())) {
            ZipEntry entry = jar.getEntry("META-INF/native-image/reflect-config.json");
            if (entry == null) {
                throw new IllegalStateException("no META-INF/native-image/reflect-config.json in " + runnerJar);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                for (JsonNode registration : new ObjectMapper().readTree(in)) {
                    boolean usable = registration.path("allDeclaredConstructors").asBoolean()
                            && (registration.path("allDeclaredMethods").asBoolean()
                                    || registration.path("allPublicMethods").asBoolean());
                    if (usable) {
                        names.add(registration.path("name").asText());
                    }
                }
            }
        }
        return names;
    }

    /** The names of the entries of the runner jar, which holds the application's classes of the native image. */
    static Set<String> entries(Path runnerJar) throws IOException {
        try (ZipFile jar = new ZipFile(runnerJar.toFile())) {
            return jar.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }

    /** The records required, among the classes of {@code classes} that are in the image ({@code inImage}). */
    static Set<String> required(Path classes, Set<String> inImage) throws Exception {
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (String name : THROUGH_OUR_MAPPERS) {
            pending.add(Class.forName(name, false, NativeReflectionCheck.class.getClassLoader()));
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String entry = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!inImage.contains(entry)) {
                    continue; // compiled for dev mode and the tests only (the simulator)
                }
                String name = entry.replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, NativeReflectionCheck.class.getClassLoader());
                RegisterForReflection annotation = type.getAnnotation(RegisterForReflection.class);
                if (annotation != null) {
                    if (annotation.targets().length == 0) {
                        pending.add(type);
                    }
                    pending.addAll(List.of(annotation.targets()));
                }
            }
        }
        Set<String> required = new TreeSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.removeFirst();
            if (!type.isRecord() || !type.getName().startsWith("io.bitgetmargin.") || !required.add(type.getName())) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                collect(component.getGenericType(), pending);
            }
        }
        return required;
    }

    private static void collect(Type type, Deque<Class<?>> pending) {
        if (type instanceof Class<?> plain) {
            pending.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), pending);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, pending);
            }
        }
    }
}
