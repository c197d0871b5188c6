package io.bitgetmargin.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

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
    /**
     * The tests' own Vert.x for their Redis commands, never the application's; one per server, closed with it, so that
     * none outlives the class loader of the Quarkus test that started it.
     */
    private Vertx vertx;

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
                "bitget-margin.rate-limit.redis.heartbeat-interval", "1s");
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

    /**
     * Freezes the server (SIGSTOP): it keeps its port and connections but answers nothing, like a host that stalls.
     * {@link #resume()} lets it go on where it stopped.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} server answer again (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Starts a fresh, empty server on the same port. */
    public void restart() {
        launch();
    }

    public void stopServer() {
        if (process != null) {
            if (process.isAlive()) {
                try {
                    resume(); // a paused server would not see the SIGTERM until it is let go
                } catch (IOException | InterruptedException ignored) {
                    // destroyForcibly below ends it anyway
                }
            }
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
        synchronized (this) {
            if (vertx != null) {
                vertx.close();
                vertx = null;
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
            AtomicReference<Exception> lastFailure = new AtomicReference<>();
            try {
                Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(20))
                        .failFast("redis-server exited", () -> !process.isAlive())
                        .until(() -> {
                            try {
                                return "PONG".equals(command("PING"));
                            } catch (IOException notYet) {
                                lastFailure.set(notYet);
                                return false;
                            }
                        });
            } catch (ConditionTimeoutException | TerminalFailureException notStarted) {
                throw new IllegalStateException("redis-server did not answer on port " + port + " (" + lastFailure.get()
                        + "):\n" + Files.readString(log), lastFailure.get());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    /**
     * Sends one command on a connection of its own (so that it works across {@link #kill()} and {@link #restart()})
     * and answers its reply: a String for simple and bulk strings, a Long for integers, a List for arrays, null for
     * nil. Error replies throw {@link IOException}. Uses the Vert.x Redis client the application ships, in RESP2, whose
     * replies are flat (ZRANGE WITHSCORES is member, score, member, ...). Its plain Vert.x API, not the Mutiny one:
     * Mutiny's global hooks belong to whichever Quarkus test application ran last, possibly a stopped one.
     */
    public Object command(String... arguments) throws IOException {
        Request request = Request.cmd(Command.create(arguments[0]));
        for (int i = 1; i < arguments.length; i++) {
            request.arg(arguments[i]);
        }
        return plain(send(request, Duration.ofSeconds(30)));
    }

    /** Whether the server answers a {@code PING} within {@code time}: false while it is paused or gone. */
    public boolean answersWithin(Duration time) {
        try {
            send(Request.cmd(Command.PING), time);
            return true;
        } catch (IOException silentOrGone) {
            return false;
        }
    }

    private Response send(Request request, Duration timeout) throws IOException {
        Redis client = Redis.createClient(vertx(), new RedisOptions().setConnectionString(url())
                .setPreferredProtocolVersion(ProtocolVersion.RESP2));
        try {
            return client.send(request).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            throw new IOException("Redis " + request.command() + " failed: " + failure.getCause().getMessage(), failure.getCause());
        } catch (TimeoutException silent) {
            throw new IOException("Redis did not answer " + request.command() + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            client.close();
        }
    }

    private synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    private static Object plain(Response reply) {
        if (reply == null) {
            return null;
        }
        return switch (reply.type()) {
            case NUMBER -> reply.toLong();
            case MULTI, PUSH -> {
                List<Object> items = new ArrayList<>();
                for (Response item : reply) {
                    items.add(plain(item));
                }
                yield items;
            }
            default -> reply.toString();
        };
    }
}
