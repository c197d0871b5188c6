package io.bitgetmargin.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real {@code redis-server} of this machine, started on a free loopback port for the tests that need one, with
 * no persistence, and stopped afterwards. As a Quarkus test resource it points the application under test at it
 * and switches the rate limiter to the {@code redis} store; tests can {@link #kill()} it like a crash and
 * {@link #restart()} it on the same port. {@link RequiresRedisServer} skips those tests where it is not installed.
 * <p>
 * With the init argument {@code password}, the server requires it ({@code requirepass}) and the URL carries it.
 */
public class LoopbackRedis implements QuarkusTestResourceLifecycleManager {

    public static final String INSTALL_HINT = "redis-server is not installed: the Redis rate-limiter tests need it"
            + " (Debian/Ubuntu: sudo apt-get install redis-server; Fedora: sudo dnf install redis; macOS: brew install redis)";

    /** The server started as a test resource, for the tests of the class that uses it. */
    private static volatile LoopbackRedis current;

    private Process process;
    private int port;
    private String password;

    @Override
    public void init(Map<String, String> initArgs) {
        password = initArgs.get("password");
    }

    /** The {@code redis-server} executable on the PATH (or in /usr/bin, /usr/sbin), if there is one. */
    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static LoopbackRedis current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        startServer();
        current = this;
        return Map.of(
                "quarkus.redis.hosts", url(),
                "bitget-margin.rate-limit.store", "redis",
                "bitget-margin.rate-limit.redis.recheck-interval", "1s");
    }

    @Override
    public void stop() {
        current = null;
        stopServer();
    }

    /** Starts a server on a free loopback port and waits until it answers. */
    public LoopbackRedis startServer() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
        launch();
        return this;
    }

    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Ends the server at once, as a crash would (SIGKILL): no shutdown, connections cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a fresh, empty server on the same port. */
    public void restart() {
        launch();
    }

    public void stopServer() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch() {
        Path server = executable().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        try {
            Path log = Path.of("target", "redis-logs", "redis-" + port + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(server.toString(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--protected-mode", "yes", "--enable-debug-command", "local"));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                try {
                    if ("PONG".equals(command("PING"))) {
                        return;
                    }
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("redis-server did not start on port " + port + ":\n"
                                + Files.readString(log));
                    }
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }

    /**
     * Sends one command and answers its reply: a String for simple strings and bulk strings, a Long for integers, a
     * List for arrays, null for nil. Error replies throw {@link IOException}.
     */
    public Object command(String... arguments) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null) {
                send(out, "AUTH", password);
                reply(in);
            }
            send(out, arguments);
            return reply(in);
        }
    }

    private static void send(OutputStream out, String... arguments) throws IOException {
        StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
        for (String argument : arguments) {
            request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(argument).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("Redis error: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return items;
            }
            default:
                throw new IOException("unexpected Redis reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
