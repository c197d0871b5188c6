package io.bitgetmargin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starting the packaged service as a user would, waiting for it to listen without ever letting its output pipe fill
 * up, and stopping it.
 */
public final class ServiceProcess {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /**
     * The jar runs within the native executable's maximum heap ({@code quarkus.native.additional-build-args}): the
     * JVM keeps more on its heap than the native executable does, so whatever passes here fits there too.
     */
    public static final String HEAP_LIMIT = "-Xmx64m";

    private ServiceProcess() {
    }

    /**
     * The environment of a service on a free loopback port, against the loopback simulator at {@code bitgetUrl},
     * with the simulator's default key and the given facade token.
     */
    public static Map<String, String> environment(String bitgetUrl, String token) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_REST_CLIENT_BITGET_URL", bitgetUrl);
        environment.put("BITGET_API_KEY", TestAccounts.API_KEY);
        environment.put("BITGET_SECRET_KEY", TestAccounts.SECRET_KEY);
        environment.put("BITGET_PASSPHRASE", TestAccounts.PASSPHRASE);
        environment.put("BITGET_MARGIN_API_TOKENS", token);
        return environment;
    }

    /**
     * Starts the packaged artifact (the native executable under {@code -Dnative}, the fast-jar otherwise) with
     * exactly the given {@code BITGET*} and {@code QUARKUS*} environment variables.
     */
    public static Process startPackaged(Map<String, String> environment) throws IOException {
        return start(packagedCommand(), environment);
    }

    /** Starts {@code command} (the packaged artifact's, maybe wrapped) with exactly the given environment variables. */
    public static Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("BITGET") || name.startsWith("QUARKUS")
                || name.startsWith("MP_JWT"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The command that runs the packaged artifact: the native executable under {@code -Dnative}, else the jar. */
    public static List<String> packagedCommand() {
        if (Boolean.getBoolean("quarkus.native.enabled")) {
            Path binary = Path.of(System.getProperty("native.image.path"));
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("build the native executable first: " + binary);
            }
            return List.of(binary.toString());
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the application first (./mvnw package -DskipTests): " + JAR);
        }
        return List.of(ProcessHandle.current().info().command().orElse("java"), HEAP_LIMIT, "-jar", JAR.toString());
    }

    /**
     * Reads the process's output until Quarkus logs the port it listens on, then keeps copying the output, in the
     * background, to {@code target/service-logs/<pid>.log}, for reading after a failed run.
     *
     * @throws AssertionError with the output so far when the process ends or does not listen within the time
     */
    public static int awaitPort(Process process, long timeoutSeconds) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<String> output = new ArrayList<>();
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Path log = Path.of("target", "service-logs", process.pid() + ".log");
                Files.createDirectories(log.getParent());
                Files.write(log, output, StandardCharsets.UTF_8);
                Thread drain = new Thread(() -> copy(reader, log), "service-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("the service did not start listening:\n" + String.join("\n", output));
    }

    /** Stops the process, forcibly if it does not stop within 20 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Reads output to its end so that the process never blocks on a full pipe; the end may come as an error. */
    private static void copy(BufferedReader reader, Path log) {
        try (var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException closed) {
            // the process was stopped
        }
    }
}
