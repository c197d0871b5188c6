package io.bitgetmargin.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;

/**
 * The chaos run of issue 19: two instances of the packaged jar on one real redis-server, against the loopback
 * simulator, a classic and a unified account side by side. Steady traffic (changes, reads, now and then a symbol
 * setup batch) runs through a schedule of phases that each inject one kind of trouble: latency spikes, HTML 5xx
 * bursts, Bitget 429 bursts, a clock step, Redis paused then killed and restarted, one instance stopped and started
 * again. Callers fail over to the other instance when one refuses or drops the connection, as a load balancer would.
 * <p>
 * Per phase it prints the requests, the answers by status, the callers left without a definitive answer (an exception
 * or a timeout: must be 0), the 5xx other than 503 (must be 0), and for each account and endpoint the most calls the
 * simulator received in any second against Bitget's limit (must be at most the limit). Exit 1 if any is broken.
 * <p>
 * {@code ChaosRun [short|full]}, through {@code bench/chaos.sh}; loopback only.
 */
public final class ChaosRun {

    private static final String TOKEN = "chaos-token";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\"code\":\"(\\w+)\"");

    /** The named account of the unified key, configured unified so that it never tries v2. */
    private static final String UNIFIED_ACCOUNT = "uta";
    private static final int CLASSIC_CALLERS = 10;
    private static final int UNIFIED_CALLERS = 6;
    private static final int SETUP_SYMBOLS = 4;
    /** How many calls the simulator's request log keeps (RequestLog). */
    private static final int SIMULATOR_LOG_SIZE = 20_000;

    /** Bitget's limits per key (contracts: per IP) and second, as the simulator enforces them. */
    private static final Map<String, Integer> LIMITS = Map.of(Simulator.SET_MARGIN_MODE, 5, Simulator.ACCOUNT, 10,
            Simulator.FUTURES_SET_LEVERAGE, 5, Simulator.SET_POSITION_MODE, 5, Simulator.CONTRACTS, 20,
            Simulator.SET_LEVERAGE, 10, Simulator.SETTINGS, 20, Simulator.SET_HOLD_MODE, 10);
    private static final Map<String, String> ACCOUNT_OF_KEY = Map.of(TestAccounts.API_KEY, "classic",
            TestAccounts.UTA_KEY, "unified");

    /**
     * One caller's request and how it ended: {@code status} -1 when it got no definitive answer (an exception or a
     * timeout, {@code detail} says which); {@code failovers} why it left an instance for the other, each time;
     * {@code hiddenFailures} the items of a 200 batch that failed with a 5xx
     * other than 503.
     */
    private record Answer(String phase, String operation, int status, String code, long millis, List<String> failovers,
            int hiddenFailures, Map<String, Integer> itemOutcomes, String detail) {
    }

    /** A phase's figures. */
    private record PhaseResult(String name, long startMillis, long endMillis, List<Answer> answers,
            List<Map<String, Object>> calls, boolean passed) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What the callers' load balancer knows: the instances' base URLs; a restarted instance has a new port. */
    private final AtomicReference<List<String>> facades = new AtomicReference<>(List.of());
    private final AtomicInteger turn = new AtomicInteger();
    /** What the schedule did and when, for the report. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private volatile String phase = "start";
    private volatile boolean running = true;
    private final String bitgetUrl;
    private final LoopbackRedis redis;
    /** Every instance started, for keeping their logs. */
    private final List<Long> started = Collections.synchronizedList(new ArrayList<>());

    private ChaosRun(String bitgetUrl, LoopbackRedis redis) {
        this.bitgetUrl = bitgetUrl;
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 0 && args[0].equals("full");
        Duration phaseLength = Duration.ofSeconds(full ? 25 : 7);
        long started = System.nanoTime();

        LoopbackBitget bitget = new LoopbackBitget();
        String bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        LoopbackRedis redis = new LoopbackRedis().startServer();
        ChaosRun run = new ChaosRun(bitgetUrl, redis);
        List<Process> services = new ArrayList<>();
        boolean passed = false;
        try {
            Path logs = Path.of("target", "chaos-logs");
            Files.createDirectories(logs);
            try (var old = Files.list(logs)) {
                for (Path log : old.toList()) {
                    Files.delete(log);
                }
            }
            Simulator.reset();
            run.arrangeSymbols();
            Process first = run.startService();
            Process second = run.startService();
            services.add(first);
            services.add(second);
            run.facades.set(List.of(run.listen(first), run.listen(second)));
            System.out.printf("chaos run (%s): 2 instances, one redis-server, %d classic and %d unified callers,"
                    + " %d s phases%n", full ? "full" : "short", CLASSIC_CALLERS, UNIFIED_CALLERS, phaseLength.toSeconds());
            passed = run.phases(phaseLength, services);
        } finally {
            run.running = false;
            for (Process service : services) {
                ServiceProcess.stop(service);
            }
            redis.stopServer();
            bitget.stop();
            run.keepLogs();
        }
        System.out.printf("chaos run took %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println(passed ? "chaos run: PASSED" : "chaos run: FAILED");
        // Only now: exiting from inside the run would leave the started jars and redis-server running.
        if (!passed) {
            System.exit(1);
        }
    }

    private void arrangeSymbols() {
        Map<String, Object> usdt = Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT");
        for (int i = 0; i < CLASSIC_CALLERS; i++) {
            Simulator.arrange(TestAccounts.API_KEY, "CHAOS" + i + "USDT", usdt);
        }
        for (int i = 0; i < UNIFIED_CALLERS; i++) {
            Simulator.arrange(TestAccounts.UTA_KEY, "CHAOSU" + i + "USDT", usdt);
        }
        for (int i = 0; i < SETUP_SYMBOLS; i++) {
            Simulator.arrange(TestAccounts.API_KEY, "SETUP" + i + "USDT", usdt);
            Simulator.arrange(TestAccounts.UTA_KEY, "SETUPU" + i + "USDT", usdt);
        }
    }

    private Process startService() throws IOException {
        Map<String, String> environment = ServiceProcess.environment(bitgetUrl, TOKEN);
        environment.put("BITGET_MARGIN_RATE_LIMIT_STORE", "redis");
        environment.put("QUARKUS_REDIS_HOSTS", redis.url());
        String prefix = "BITGET_ACCOUNTS_" + UNIFIED_ACCOUNT.toUpperCase() + "_";
        environment.put(prefix + "API_KEY", TestAccounts.UTA_KEY);
        environment.put(prefix + "SECRET_KEY", TestAccounts.UTA_SECRET);
        environment.put(prefix + "PASSPHRASE", TestAccounts.UTA_PASSPHRASE);
        environment.put(prefix + "ACCOUNT_TYPE", "unified");
        Process service = ServiceProcess.startPackaged(environment);
        started.add(service.pid());
        return service;
    }

    private String listen(Process service) throws IOException {
        return "http://127.0.0.1:" + ServiceProcess.awaitPort(service, 60);
    }

    /**
     * One phase of the schedule: {@code atStart} when it starts (and again every {@code everyMillis} when above 0),
     * {@code atHalf} halfway through; the traffic never stops in between.
     */
    private record Step(String name, Runnable atStart, long everyMillis, Runnable atHalf) {

        static Step of(String name, Runnable atStart) {
            return new Step(name, atStart, 0, null);
        }
    }

    /** The schedule: each phase injects its trouble while the callers keep calling; answers whether all passed. */
    private boolean phases(Duration length, List<Process> services) throws Exception {
        List<Step> schedule = List.of(
                Step.of("baseline", () -> {
                }),
                // Below the service's read timeout (5 s): slow answers, none lost.
                new Step("latency spikes (1.5 s)", () -> fault("4 answers 1.5 s late", Map.of("delayMillis", 1500,
                        "times", 4)), 1000, null),
                // Two in a row, 3 s apart: what the retries are there to absorb.
                new Step("HTML 502 bursts", () -> fault("2 HTML 502s", Map.of("status", 502, "contentType", "text/html",
                        "body", "<html><body><h1>502 Bad Gateway</h1></body></html>", "times", 2)), 3000, null),
                new Step("Bitget 429 bursts", () -> fault("2 Bitget 429s", Map.of("status", 429, "contentType",
                        "application/json", "body", "{\"code\":\"429\",\"msg\":\"Too Many Requests\","
                                + "\"requestTime\":1,\"data\":null}", "retryAfter", "1", "times", 2)), 3000, null),
                Step.of("clock step +60 s", () -> {
                    event("Bitget's clock +60 s");
                    Simulator.clockOffset(60_000);
                }),
                new Step("Redis paused, resumed", () -> {
                    event("Redis paused (SIGSTOP)");
                    unchecked(redis::pause);
                }, 0, () -> {
                    event("Redis resumed (SIGCONT)");
                    unchecked(redis::resume);
                }),
                new Step("Redis killed, restarted", () -> {
                    event("Redis killed (SIGKILL)");
                    unchecked(redis::kill);
                }, 0, () -> {
                    event("Redis restarted, empty");
                    redis.restart();
                }),
                Step.of("instance stopped, restarted", () -> restartSecond(services)),
                Step.of("calm", () -> {
                }));

        ExecutorService callers = Executors.newFixedThreadPool(CLASSIC_CALLERS + UNIFIED_CALLERS);
        for (int i = 0; i < CLASSIC_CALLERS; i++) {
            int id = i;
            callers.submit(() -> call(null, "CHAOS" + id + "USDT", id == 0 ? "SETUP" : null));
        }
        for (int i = 0; i < UNIFIED_CALLERS; i++) {
            int id = i;
            callers.submit(() -> call(UNIFIED_ACCOUNT, "CHAOSU" + id + "USDT", id == 0 ? "SETUPU" : null));
        }
        List<long[]> spans = new ArrayList<>();
        try {
            for (Step step : schedule) {
                spans.add(run(step, length.toMillis()));
            }
        } finally {
            running = false;
            callers.shutdown();
            callers.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        // Read once, at the end: the log is read under the simulator's lock, and reading it between phases would
        // stall every Bitget call of that moment, a fault of its own right where a phase starts.
        List<Map<String, Object>> everyCall = simulatorRequests();
        if (everyCall.size() >= SIMULATOR_LOG_SIZE) {
            // The oldest calls are gone: the first phases' figures would be short, and could hide a limit exceeded.
            System.out.printf("the simulator kept only its newest %d calls: shorten the phases%n", SIMULATOR_LOG_SIZE);
            return false;
        }
        System.out.println();
        boolean passed = true;
        for (int i = 0; i < schedule.size(); i++) {
            long start = spans.get(i)[0];
            long end = spans.get(i)[1];
            // Answers belong to the phase their request started in, however late they came.
            List<Answer> own = answersOf(schedule.get(i).name());
            List<Map<String, Object>> calls = everyCall.stream()
                    .filter(call -> received(call) >= start && received(call) < end).toList();
            PhaseResult result = new PhaseResult(schedule.get(i).name(), start, end, own, calls, passes(own, calls));
            print(result);
            passed &= result.passed();
        }
        List<Answer> all = List.copyOf(answers);
        PhaseResult total = new PhaseResult("total", spans.get(0)[0], spans.get(spans.size() - 1)[1], all, everyCall,
                passes(all, everyCall));
        print(total);
        for (String facade : facades.get()) {
            System.out.printf("instance %s: Redis commands timed out %s time(s), switched to in-process limiting %s"
                    + " time(s)%n", facade, LoadRun.counter(http, facade, "bitget_margin_limiter_store_timeouts_total"),
                    LoadRun.counter(http, facade, "bitget_margin_limiter_store_fallbacks_total"));
        }
        return passed && total.passed();
    }

    /**
     * Runs one phase and answers when it started and ended. A phase whose start takes long (an instance restart) lasts
     * until half a phase after its start is done, so that the traffic meets what it left behind.
     */
    private long[] run(Step step, long millis) throws InterruptedException {
        long start = System.currentTimeMillis();
        phase = step.name();
        step.atStart().run();
        long end = Math.max(start + millis, System.currentTimeMillis() + millis / 2);
        long half = (start + end) / 2;
        boolean halfDone = step.atHalf() == null;
        long next = start + step.everyMillis();
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            if (!halfDone && now >= half) {
                step.atHalf().run();
                halfDone = true;
            }
            if (step.everyMillis() > 0 && now >= next) {
                step.atStart().run();
                next += step.everyMillis();
            }
            Thread.sleep(20);
        }
        long ended = System.currentTimeMillis();
        System.out.printf("%tT.%<tL phase done: %s%n", ended, step.name());
        return new long[] {start, ended};
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void unchecked(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Something the schedule did, printed with its phase. */
    private void event(String what) {
        events.add(String.format("%tT.%<tL %s", System.currentTimeMillis(), what));
    }

    /** Stops the second instance as an orchestrator would (SIGTERM) and starts a new one, which gets a new port. */
    private void restartSecond(List<Process> services) {
        try {
            Process old = services.get(1);
            List<String> before = facades.get();
            event("instance " + before.get(1) + " stopped (SIGTERM)");
            // The balancer learns of the stop only from refused connections; the list changes once the new one listens.
            ServiceProcess.stop(old);
            event("stopped; starting a new one");
            Process replacement = startService();
            services.set(1, replacement);
            String listening = listen(replacement);
            facades.set(List.of(before.get(0), listening));
            event("instance " + listening + " listening");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot restart the second instance", e);
        }
    }

    /** A virtual caller: changes and reads its own symbol, and with {@code setupPrefix} now and then a setup batch. */
    private void call(String account, String symbol, String setupPrefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long nextSetup = System.currentTimeMillis() + 2000;
        int changes = 0;
        while (running) {
            String started = phase;
            if (setupPrefix != null && System.currentTimeMillis() >= nextSetup) {
                nextSetup = System.currentTimeMillis() + 5000;
                int leverage = changes % 2 == 0 ? 3 : 5;
                String mode = changes % 2 == 0 ? "isolated" : "crossed";
                List<String> symbols = new ArrayList<>();
                for (int i = 0; i < SETUP_SYMBOLS; i++) {
                    symbols.add("\"" + setupPrefix + i + "USDT\"");
                }
                String body = "{\"productType\":\"USDT-FUTURES\",\"marginMode\":\"" + mode + "\",\"leverage\":"
                        + leverage + ",\"symbols\":" + symbols + "}";
                answers.add(send(started, "setup batch", facade -> withAccount(HttpRequest.newBuilder(
                        URI.create(facade + "/v1/symbol-setup/batch")).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)), account)));
            } else if (random.nextBoolean()) {
                String mode = changes++ % 2 == 0 ? "isolated" : "crossed";
                answers.add(send(started, "change", facade -> withAccount(HttpRequest.newBuilder(
                        FacadeRequests.changeMarginMode(facade, TOKEN, symbol, mode, REQUEST_TIMEOUT),
                        (name, value) -> true), account)));
            } else {
                answers.add(send(started, "read", facade -> withAccount(HttpRequest.newBuilder(
                        FacadeRequests.readMarginMode(facade, TOKEN, symbol, REQUEST_TIMEOUT),
                        (name, value) -> true), account)));
            }
            try {
                Thread.sleep(200 + random.nextInt(400));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static HttpRequest withAccount(HttpRequest.Builder request, String account) {
        return account == null ? request.build() : request.header("X-Bitget-Account", account).build();
    }

    /**
     * Sends a request to the next instance, and to the other one when an instance refuses the connection or drops it
     * before answering, as a load balancer does for these idempotent calls (a change ensures a mode). When every
     * instance failed it asks the list again once, after a moment: a restarted instance may have joined it. A timeout
     * is no answer: the caller's patience is over.
     */
    private Answer send(String started, String operation, Function<String, HttpRequest> request) {
        long start = System.nanoTime();
        List<String> failovers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            List<String> instances = facades.get();
            int first = Math.floorMod(turn.getAndIncrement(), instances.size());
            for (int next = 0; next < instances.size(); next++) {
                String facade = instances.get((first + next) % instances.size());
                try {
                    HttpResponse<String> response = http.send(request.apply(facade), HttpResponse.BodyHandlers.ofString());
                    return answer(started, operation, response, (System.nanoTime() - start) / 1_000_000, failovers);
                } catch (HttpConnectTimeoutException unreachable) {
                    failovers.add("connect timeout");
                } catch (HttpTimeoutException timeout) {
                    return new Answer(started, operation, -1, null, (System.nanoTime() - start) / 1_000_000, failovers,
                            0, Map.of(), facade + ": no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
                } catch (IOException refusedOrDropped) {
                    failovers.add(refusedOrDropped.getClass().getSimpleName() + (refusedOrDropped.getMessage() == null
                            ? "" : ": " + refusedOrDropped.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(started, operation, -1, null, 0, failovers, 0, Map.of(), "interrupted");
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Answer(started, operation, -1, null, (System.nanoTime() - start) / 1_000_000, failovers, 0, Map.of(),
                "every instance failed: " + failovers);
    }

    private static Answer answer(String started, String operation, HttpResponse<String> response, long millis,
            List<String> failovers) {
        int status = response.statusCode();
        String body = response.body();
        if (status != 200) {
            Matcher code = CODE.matcher(body);
            return new Answer(started, operation, status, code.find() ? code.group(1) : null, millis, failovers, 0,
                    Map.of(), body);
        }
        if (!operation.equals("setup batch")) {
            return new Answer(started, operation, status, null, millis, failovers, 0, Map.of(), null);
        }
        // A batch is 200 whatever its symbols did: an item that failed with a 5xx other than 503 is a failure too.
        Map<String, Integer> outcomes = new TreeMap<>();
        int hidden = 0;
        List<String> failures = new ArrayList<>();
        try {
            for (JsonNode item : JSON.readTree(body).path("results")) {
                JsonNode problem = item.path("problem");
                String outcome = item.path("outcome").asText();
                outcomes.merge(problem.isMissingNode() ? outcome : outcome + " " + problem.path("code").asText(), 1,
                        Integer::sum);
                int itemStatus = problem.path("status").asInt(0);
                if (itemStatus >= 500 && itemStatus != 503) {
                    hidden++;
                    failures.add(item.toString());
                }
            }
        } catch (IOException unreadable) {
            return new Answer(started, operation, -1, null, millis, failovers, 0, Map.of(), "unreadable batch: " + body);
        }
        return new Answer(started, operation, status, null, millis, failovers, hidden, outcomes,
                failures.isEmpty() ? null : String.join("\n", failures));
    }

    private void fault(String what, Map<String, Object> fault) {
        event(what);
        Simulator.fault(fault);
    }

    private List<Answer> answersOf(String phaseName) {
        synchronized (answers) {
            return answers.stream().filter(answer -> answer.phase().equals(phaseName)).toList();
        }
    }

    private static boolean passes(List<Answer> answers, List<Map<String, Object>> calls) {
        return indefinite(answers) == 0 && badServerErrors(answers) == 0 && busiestSeconds(calls).values().stream()
                .allMatch(busiest -> busiest[0] <= busiest[1]);
    }

    private static long indefinite(List<Answer> answers) {
        return answers.stream().filter(answer -> answer.status() < 0).count();
    }

    private static long badServerErrors(List<Answer> answers) {
        return answers.stream().filter(answer -> answer.status() >= 500 && answer.status() != 503).count()
                + answers.stream().mapToInt(Answer::hiddenFailures).sum();
    }

    /** Per account and endpoint: {most received in any 1 s window, Bitget's limit}. */
    private static Map<String, int[]> busiestSeconds(List<Map<String, Object>> calls) {
        Map<String, List<Map<String, Object>>> byLane = new TreeMap<>();
        for (Map<String, Object> call : calls) {
            String path = (String) call.get("path");
            if (!LIMITS.containsKey(path)) {
                continue;
            }
            String key = SeenCalls.header(call, "ACCESS-KEY");
            String account = key == null ? "public" : ACCOUNT_OF_KEY.getOrDefault(key, key);
            byLane.computeIfAbsent(account + " " + endpoint(path), lane -> new ArrayList<>()).add(call);
        }
        Map<String, int[]> busiest = new TreeMap<>();
        byLane.forEach((lane, seen) -> busiest.put(lane, new int[] {SeenCalls.maxInAnySecond(seen),
                LIMITS.get((String) seen.get(0).get("path"))}));
        return busiest;
    }

    /** {@code /api/v3/account/set-leverage} as {@code v3 set-leverage}. */
    private static String endpoint(String path) {
        String[] parts = path.split("/");
        return parts[2] + " " + parts[parts.length - 1];
    }

    private void print(PhaseResult result) {
        List<Answer> answers = result.answers();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> itemOutcomes = new TreeMap<>();
        for (Answer answer : answers) {
            String status = answer.status() < 0 ? "none" : answer.code() == null ? Integer.toString(answer.status())
                    : answer.status() + " " + answer.code();
            byStatus.merge(status, 1, Integer::sum);
            answer.itemOutcomes().forEach((outcome, count) -> itemOutcomes.merge(outcome, count, Integer::sum));
        }
        Map<String, Integer> failovers = new TreeMap<>();
        answers.forEach(answer -> answer.failovers().forEach(reason -> failovers.merge(reason, 1, Integer::sum)));
        long bitget429 = result.calls().stream().filter(call -> status(call) == 429 && !injected(call)).count();
        long injected429 = result.calls().stream().filter(call -> status(call) == 429 && injected(call)).count();
        long injected5xx = result.calls().stream().filter(call -> status(call) >= 500 && injected(call)).count();
        System.out.printf("%-28s %5.1f s  %4d requests  %s%n", result.name(),
                (result.endMillis() - result.startMillis()) / 1000.0, answers.size(), byStatus);
        if (!result.name().equals("total")) {
            Map<String, Integer> injected = new TreeMap<>();
            List<String> once = new ArrayList<>();
            synchronized (events) {
                for (String event : events) {
                    String at = event.substring(0, 12);
                    if (at.compareTo(String.format("%tT.%<tL", result.startMillis())) >= 0
                            && at.compareTo(String.format("%tT.%<tL", result.endMillis())) < 0) {
                        String what = event.substring(13);
                        if (what.matches("\\d+ .*")) {
                            injected.merge(what, 1, Integer::sum);
                        } else {
                            once.add(event);
                        }
                    }
                }
            }
            injected.forEach((what, times) -> once.add(times + " x " + what));
            if (!once.isEmpty()) {
                System.out.printf("    did: %s%n", String.join("; ", once));
            }
        }
        System.out.printf("    no definitive answer: %d   5xx other than 503: %d   setup items: %s   failovers: %s%n",
                indefinite(answers), badServerErrors(answers), itemOutcomes, failovers);
        StringBuilder lanes = new StringBuilder();
        busiestSeconds(result.calls()).forEach((lane, busiest) -> lanes.append(lanes.isEmpty() ? "" : ", ")
                .append(lane).append(' ').append(busiest[0]).append('/').append(busiest[1])
                .append(busiest[0] > busiest[1] ? " OVER" : ""));
        System.out.printf("    Bitget, busiest second per account and endpoint (limit): %s%n", lanes);
        System.out.printf("    Bitget received %d calls; answered 429 itself %d time(s); injected: %d 429, %d 5xx%n",
                result.calls().size(), bitget429, injected429, injected5xx);
        if (!result.name().equals("total")) {
            printBusiestWindows(result.calls());
        }
        if (!result.passed() && !result.name().equals("total")) {
            answers.stream().filter(answer -> answer.status() < 0 || answer.hiddenFailures() > 0
                    || answer.status() >= 500 && answer.status() != 503).limit(5)
                    .forEach(answer -> System.out.printf("    FAILED %s (%d ms, failovers %s): %s %s%n",
                            answer.operation(), answer.millis(), answer.failovers(), answer.status(), answer.detail()));
        }
    }

    /** Where a lane went over its limit: the calls of its busiest window, as received and as signed. */
    private static void printBusiestWindows(List<Map<String, Object>> calls) {
        Map<String, List<Map<String, Object>>> byLane = new TreeMap<>();
        for (Map<String, Object> call : calls) {
            String path = (String) call.get("path");
            if (LIMITS.containsKey(path)) {
                byLane.computeIfAbsent(SeenCalls.header(call, "ACCESS-KEY") + " " + path, lane -> new ArrayList<>())
                        .add(call);
            }
        }
        byLane.forEach((lane, seen) -> {
            int limit = LIMITS.get((String) seen.get(0).get("path"));
            List<Map<String, Object>> sorted = seen.stream()
                    .sorted(java.util.Comparator.comparingLong(call -> ((Number) call.get("receivedAtMillis")).longValue()))
                    .toList();
            for (int end = 0, start = 0; end < sorted.size(); end++) {
                while (received(sorted.get(end)) - received(sorted.get(start)) >= 1000) {
                    start++;
                }
                if (end - start + 1 > limit) {
                    System.out.printf("    OVER %s: %d calls from %d to %d ms%n", lane, end - start + 1,
                            received(sorted.get(start)), received(sorted.get(end)));
                    for (int i = start; i <= end; i++) {
                        Map<String, Object> call = sorted.get(i);
                        System.out.printf("      received %d signed %s status %s code %s%n", received(call),
                                SeenCalls.header(call, "ACCESS-TIMESTAMP"), call.get("status"), call.get("code"));
                    }
                    return;
                }
            }
        });
    }

    private static long received(Map<String, Object> call) {
        return ((Number) call.get("receivedAtMillis")).longValue();
    }

    private static int status(Map<String, Object> call) {
        return ((Number) call.get("status")).intValue();
    }

    private static boolean injected(Map<String, Object> call) {
        return Boolean.TRUE.equals(call.get("injected"));
    }

    /** Every request the simulator saw, read with Jackson: the log can hold thousands of them. */
    private List<Map<String, Object>> simulatorRequests() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bitgetUrl + "/simulator/requests"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {
        });
    }

    /** Keeps the instances' logs (ServiceProcess writes them under target/service-logs) under target/chaos-logs. */
    private void keepLogs() throws IOException {
        for (long pid : started) {
            Path log = Path.of("target", "service-logs", pid + ".log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "chaos-logs", "instance-" + pid + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
