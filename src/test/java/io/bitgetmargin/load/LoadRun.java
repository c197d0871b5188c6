package io.bitgetmargin.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;

/**
 * A bounded load run: the packaged jar against the loopback Bitget simulator, {@code callers} concurrent callers
 * on one API key, each flipping the margin mode of its own symbol {@code requests} times through the facade (each
 * call a read and a change). With {@code instances} above 1, that many jars share the simulator and the callers
 * take turns among them; with the {@code redis} store they also share a redis-server started on a loopback port
 * (which needs {@code redis-server} installed). With {@code unified} the key is a unified trading account, which the
 * service learns and changes through v3. Prints throughput and latency percentiles, and fails (exit 1) when the
 * simulator saw more calls of an endpoint in any 1 s window than Bitget allows (set-margin-mode 5, account reads 10;
 * set-leverage 10, settings 20), when Bitget answered 429, or when a caller got anything but 200 or 429 (nothing
 * lost, nothing hanging).
 * <p>
 * Run through {@code bench/load-test.sh}; loopback only, bounded in requests and time.
 */
public final class LoadRun {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String TOKEN = "load-token";

    private record Answer(String facade, int status, String outcome, long nanos) {
    }

    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"(\\w+)\"");

    /** Bitget's limits per key and second on the endpoints a run uses: what the simulator must never see exceeded. */
    private static final Map<String, Integer> CLASSIC_LIMITS = Map.of(Simulator.SET_MARGIN_MODE, 5, Simulator.ACCOUNT, 10);
    /** A unified run also reads v2 once per caller until the account is learnt (answered 40085). */
    private static final Map<String, Integer> UNIFIED_LIMITS = Map.of(Simulator.SET_LEVERAGE, 10, Simulator.SETTINGS, 20,
            Simulator.ACCOUNT, 10);

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String store = args.length > 3 ? args[3] : "memory";
        boolean unified = args.length > 4 && args[4].equals("unified");

        LoopbackBitget bitget = new LoopbackBitget();
        String bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        LoopbackRedis redis = "redis".equals(store) ? new LoopbackRedis().startServer() : null;
        Map<String, String> storeEnvironment = redis == null ? Map.of("BITGET_MARGIN_RATE_LIMIT_STORE", store)
                : Map.of("BITGET_MARGIN_RATE_LIMIT_STORE", store, "QUARKUS_REDIS_HOSTS", redis.url());
        List<Process> services = new ArrayList<>();
        boolean passed;
        try {
            List<String> facades = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                services.add(startService(bitgetUrl, storeEnvironment));
            }
            for (Process service : services) {
                facades.add("http://127.0.0.1:" + awaitPort(service));
            }
            Simulator.reset();
            if (unified) {
                // The one key becomes a unified trading account; the service (account-type auto) learns it from 40085.
                Simulator.unifiedKey(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, false,
                        Map.of());
            }
            for (int caller = 0; caller < callers; caller++) {
                Simulator.arrange("LOAD" + caller + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            }
            System.out.printf("%d instance(s), rate-limit store %s, %s account%n", instances, store,
                    unified ? "unified" : "classic");
            passed = run(facades, callers, requests, unified ? UNIFIED_LIMITS : CLASSIC_LIMITS);
        } finally {
            for (Process service : services) {
                ServiceProcess.stop(service);
            }
            if (redis != null) {
                redis.stopServer();
            }
            bitget.stop();
        }
        // Only now: exiting from inside the run would leave the started jars and redis-server running.
        if (!passed) {
            System.exit(1);
        }
    }

    /** Runs the callers, prints the figures, and answers whether the run passed. */
    private static boolean run(List<String> facades, int callers, int requests, Map<String, Integer> limits)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int id = caller;
                String facade = facades.get(caller % facades.size());
                running.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        // Each caller flips its own symbol, so every call is a real change (a read, then a set).
                        answers.add(call(http, facade, "LOAD" + id + "USDT", i % 2 == 0 ? "isolated" : "crossed"));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byOutcome = new TreeMap<>();
        answers.forEach(answer -> byStatus.merge(answer.status(), 1, Integer::sum));
        answers.stream().filter(answer -> answer.outcome() != null)
                .forEach(answer -> byOutcome.merge(answer.outcome(), 1, Integer::sum));
        long lost = (long) callers * requests - answers.size();
        long indefinite = answers.stream().filter(answer -> answer.status() != 200 && answer.status() != 429).count();

        System.out.printf("load run: %d callers x %d requests on one API key, %.1f s%n", callers, requests, seconds);
        System.out.printf("answers by status: %s (lost: %d, neither 200 nor 429: %d)%n", byStatus, lost, indefinite);
        System.out.printf("outcomes of the 200s: %s%n", byOutcome);
        if (facades.size() > 1) {
            for (String facade : facades) {
                Map<Integer, Integer> statuses = new TreeMap<>();
                answers.stream().filter(answer -> answer.facade().equals(facade))
                        .forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
                System.out.printf("  instance %s: %s; Redis commands timed out %s time(s), switched to in-process"
                        + " limiting %s time(s)%n", facade, statuses, counter(http, facade,
                                "bitget_margin_limiter_store_timeouts_total"),
                        counter(http, facade, "bitget_margin_limiter_store_fallbacks_total"));
            }
        }
        System.out.printf("throughput: %.1f answers/s, %.2f changes/s (CHANGED)%n", answers.size() / seconds,
                byOutcome.getOrDefault("CHANGED", 0) / seconds);
        printPercentiles("all", answers, -1);
        printPercentiles("200", answers, 200);
        printPercentiles("429", answers, 429);

        boolean ok = lost == 0 && indefinite == 0;
        for (Map.Entry<String, Integer> limit : new TreeMap<>(limits).entrySet()) {
            List<Map<String, Object>> seen = Simulator.calls(limit.getKey());
            int maxWindow = SeenCalls.maxInAnySecond(seen);
            long refused = seen.stream().filter(call -> ((Number) call.get("status")).intValue() == 429).count();
            System.out.printf("simulator: %d calls of %s, at most %d in any 1 s window (limit %d), %d answered 429%n",
                    seen.size(), limit.getKey(), maxWindow, limit.getValue(), refused);
            if (maxWindow > limit.getValue()) {
                // Where the calls bunched: signed (after the limiter's grant) versus received by the simulator.
                seen.stream().sorted(java.util.Comparator.comparingLong(call -> ((Number) call.get("receivedAtMillis")).longValue()))
                        .forEach(call -> System.out.printf("  signed %s received %s status %s%n",
                                SeenCalls.header(call, "ACCESS-TIMESTAMP"), call.get("receivedAtMillis"), call.get("status")));
            }
            ok &= maxWindow <= limit.getValue() && refused == 0;
        }
        System.out.println(ok ? "load run: PASSED" : "load run: FAILED");
        return ok;
    }

    /** One of the instance's counters, 0 when it has not been created. */
    static String counter(HttpClient http, String facade, String name) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(facade + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher count = Pattern.compile(name + " (\\S+)").matcher(metrics);
            return count.find() ? count.group(1) : "0";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static Answer call(HttpClient http, String facade, String symbol, String mode) {
        HttpRequest request = FacadeRequests.changeMarginMode(facade, TOKEN, symbol, mode, REQUEST_TIMEOUT);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher outcome = OUTCOME.matcher(response.body());
            return new Answer(facade, response.statusCode(), outcome.find() ? outcome.group(1) : null, System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(facade, -1, null, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(facade, -2, null, System.nanoTime() - start);
        }
    }

    private static void printPercentiles(String label, List<Answer> answers, int status) {
        long[] millis = answers.stream().filter(answer -> status < 0 || answer.status() == status)
                .mapToLong(answer -> answer.nanos() / 1_000_000).sorted().toArray();
        if (millis.length == 0) {
            System.out.printf("latency %-3s: no answers%n", label);
            return;
        }
        System.out.printf("latency %-3s (ms): p50 %d, p90 %d, p99 %d, max %d (n=%d)%n", label, percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1], millis.length);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Starts the packaged jar against the stand-in, with extra environment variables. */
    static Process startService(String bitgetUrl, Map<String, String> extraEnvironment) throws IOException {
        Map<String, String> environment = ServiceProcess.environment(bitgetUrl, TOKEN);
        environment.putAll(extraEnvironment);
        return ServiceProcess.startPackaged(environment);
    }

    static int awaitPort(Process process) throws IOException {
        return ServiceProcess.awaitPort(process, 60);
    }
}
