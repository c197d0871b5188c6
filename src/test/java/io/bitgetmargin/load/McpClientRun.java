package io.bitgetmargin.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;

/**
 * The agents' endpoint against a real MCP client: starts the loopback simulator and two instances of the packaged
 * jar, each with its own in-memory limiter, and runs {@code src/test/mcp-client/check.mjs} (the official TypeScript
 * SDK), which puts its round-robin proxy in front of them. Exits with the check's status, or 1 when the whole run
 * takes longer than {@link #TOTAL_SECONDS}. Loopback only; stops everything it started.
 * <p>
 * Run through {@code bench/mcp-client-check.sh}, which installs the script's packages first.
 */
public final class McpClientRun {

    private static final long TOTAL_SECONDS = 180;
    private static final Path CHECK = Path.of("src", "test", "mcp-client");

    private static final String FULL_TOKEN = "mcp-check-full-token";
    private static final String READ_ONLY_TOKEN = "mcp-check-read-only-token";
    /** Limited to alice, an account of its own, so that the default account is another's. */
    private static final String OTHER_ACCOUNT_TOKEN = "mcp-check-alice-token";

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TOTAL_SECONDS);
        LoopbackBitget bitget = new LoopbackBitget();
        String bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        List<Process> instances = new ArrayList<>();
        int status;
        try {
            for (int i = 0; i < 2; i++) {
                instances.add(ServiceProcess.startPackaged(environment(bitgetUrl)));
            }
            List<String> command = new ArrayList<>(List.of("node", "check.mjs", "--simulator", bitgetUrl,
                    "--full-token", FULL_TOKEN, "--read-only-token", READ_ONLY_TOKEN,
                    "--other-account-token", OTHER_ACCOUNT_TOKEN));
            for (Process instance : instances) {
                command.addAll(List.of("--instance", "http://127.0.0.1:" + ServiceProcess.awaitPort(instance,
                        secondsLeft(deadline))));
            }
            // Only the calls of the check itself: one set-margin-mode call is what it expects over the whole run.
            Simulator.reset();
            status = runCheck(command, deadline);
        } finally {
            for (Process instance : instances) {
                ServiceProcess.stop(instance);
            }
            bitget.stop();
        }
        // Only now: exiting from inside the run would leave the started jars running.
        System.exit(status);
    }

    /** One instance's environment: the three tokens of the check, and alice's key, which the simulator knows. */
    private static Map<String, String> environment(String bitgetUrl) {
        Map<String, String> environment = ServiceProcess.environment(bitgetUrl, FULL_TOKEN);
        environment.put("BITGET_MARGIN_RATE_LIMIT_STORE", "memory");
        environment.put("BITGET_ACCOUNTS_ALICE_API_KEY", TestAccounts.ALICE_KEY);
        environment.put("BITGET_ACCOUNTS_ALICE_SECRET_KEY", "alice-secret");
        environment.put("BITGET_ACCOUNTS_ALICE_PASSPHRASE", "alice-passphrase");
        environment.put("BITGET_MARGIN_TOKENS_READER_TOKEN", READ_ONLY_TOKEN);
        environment.put("BITGET_MARGIN_TOKENS_READER_ACCOUNTS", "default");
        environment.put("BITGET_MARGIN_TOKENS_READER_SCOPES", "margin:read");
        environment.put("BITGET_MARGIN_TOKENS_ALICEDESK_TOKEN", OTHER_ACCOUNT_TOKEN);
        environment.put("BITGET_MARGIN_TOKENS_ALICEDESK_ACCOUNTS", TestAccounts.ALICE);
        return environment;
    }

    /** Runs the Node check with its output on ours; answers its exit status, 1 when it ran out of time. */
    private static int runCheck(List<String> command, long deadline) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(command).directory(CHECK.toFile()).inheritIO().start();
        if (!check.waitFor(secondsLeft(deadline), TimeUnit.SECONDS)) {
            check.destroyForcibly().waitFor();
            System.out.printf("FAIL  the check did not finish within the run's %d s%n", TOTAL_SECONDS);
            return 1;
        }
        return check.exitValue();
    }

    private static long secondsLeft(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
    }
}
