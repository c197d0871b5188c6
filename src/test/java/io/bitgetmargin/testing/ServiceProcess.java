package io.bitgetmargin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waiting for a started service process to listen, without ever letting its output pipe fill up. */
public final class ServiceProcess {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private ServiceProcess() {
    }

    /**
     * Reads the process's output until Quarkus logs the port it listens on, then keeps draining the output in the
     * background.
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
                Thread drain = new Thread(() -> drain(reader), "service-output");
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
    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // discarded
            }
        } catch (IOException closed) {
            // the process was stopped
        }
    }
}
