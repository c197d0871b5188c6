package io.bitgetmargin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.TestIdentityProvider;

/**
 * The packaged artifact, started as a user would with a JWT key file it cannot use: it refuses to start, exit status
 * 1, in one line that names the property and the reason and nothing of the key.
 */
class KeyFileRefusalIT {

    private static final long START_TIMEOUT_SECONDS = 60;
    /** What a key file holds, to prove none of it is printed. */
    private static final String KEY_CONTENT = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsecretlookingkeymaterial";

    @TempDir
    Path folder;

    private static Map<String, String> environment(String keyLocation) {
        // Nothing listens at this Bitget: the service must stop before it ever calls it.
        Map<String, String> environment = ServiceProcess.environment("http://127.0.0.1:9", "env-token-1");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keyLocation);
        environment.put("MP_JWT_VERIFY_ISSUER", TestIdentityProvider.ISSUER);
        return environment;
    }

    /** The refusal's output, after checking that the process stopped by itself with status 1 and never listened. */
    private static String refusal(Process process) throws Exception {
        try {
            assertTrue(process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the service should stop by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue(), output);
            assertFalse(output.contains("Listening on"), output);
            assertFalse(output.contains(KEY_CONTENT), output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> linesWith(String output, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains(text)) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void refusesToStartWhenTheKeyFileIsMissing() throws Exception {
        Path typo = folder.resolve("idp-publc-key.pem");
        String output = refusal(ServiceProcess.startPackaged(environment(typo.toString())));
        assertEquals(1, linesWith(output, "refuses to start").size(), output);
        assertTrue(output.contains("bitget-margin refuses to start: mp.jwt.verify.publickey.location names " + typo
                + ", which does not exist"), output);
    }

    @Test
    void refusesToStartWhenTheKeyLocationIsADirectory() throws Exception {
        String output = refusal(ServiceProcess.startPackaged(environment(folder.toUri().toString())));
        assertTrue(output.contains("mp.jwt.verify.publickey.location names " + folder + ", which is a directory"), output);
    }

    /**
     * A key file only its owner may read, the service running as another user: as root (CI), the service is started as
     * {@code nobody} with {@code setpriv}, as Kubernetes runs an image's non-root user against a secret mounted 0600.
     */
    @Test
    void refusesToStartWhenTheServicesUserCannotReadTheKeyFile() throws Exception {
        Path key = Files.writeString(folder.resolve("idp.pem"), "-----BEGIN PUBLIC KEY-----\n" + KEY_CONTENT
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(ServiceProcess.packagedCommand());
        if ("root".equals(System.getProperty("user.name"))) {
            List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            assumeTrue(canRunAsNobody(asNobody, command), "the packaged artifact must be readable by nobody");
            command.addAll(0, asNobody);
        } else {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        }
        String output = refusal(ServiceProcess.start(command, environment(key.toString())));
        assertEquals(1, linesWith(output, "refuses to start").size(), output);
        assertTrue(output.contains("mp.jwt.verify.publickey.location names " + key + ", which this process (user "), output);
        assertTrue(output.contains(") cannot read: permission denied"), output);
    }

    private static boolean canRunAsNobody(List<String> asNobody, List<String> command) throws IOException,
            InterruptedException {
        List<String> check = new ArrayList<>(asNobody);
        check.addAll(List.of("test", "-r", command.get(command.size() - 1)));
        Process probe = new ProcessBuilder(check).redirectErrorStream(true).start();
        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
