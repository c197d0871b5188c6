package io.bitgetmargin.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.testing.AuditLog;
import io.bitgetmargin.testing.HangingUpCaller;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.bitgetmargin.tracing.TraceAttributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;

/**
 * One request, one record, however many run at once: 72 callers with their own {@code X-Request-Id}s, five identities
 * (two static tokens, a read-only token, two JWTs), three accounts, mixing reads, changes, batches, symbol setups,
 * invalid input, a denied scope and hang-ups, while Bitget answers HTML 502s, 429s and slow answers and its clock
 * steps by a minute. For every request: its answer's header and problem body, each of its audit lines (request id,
 * caller, account, symbol, trace; none missing, none twice), the log lines that name its symbols, its spans (the server
 * span's caller and account, each symbol span in its own request's trace), and no {@code BITGET_CLOCK_SKEW} for a
 * single step. The mix and the arrival times come from a seed, printed at the start
 * (rerun one with {@code -Dtruth.seed=N}); the run is bounded by the callers' 30 s timeouts. Run with each rate-limit
 * store: {@link OneRequestOneRecordTest} (memory), {@link OneRequestOneRecordRedisTest}.
 */
abstract class OneRequestOneRecord {

    /** The audit lines in the main log as well, so that their log context (%X{requestId}) is checked too. */
    public static class AuditInTheMainLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The console (the CI log) stays as it is: the lines are read from the main log file. Tracing is on, into
            // the tests' in-memory exporter, so that each request's spans and the audit lines' trace ids are checked.
            return Map.of("quarkus.log.category.\"bitget-margin.audit\".use-parent-handlers", "true",
                    "quarkus.log.console.level", "WARN",
                    "quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "20ms");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;
    private static final Duration CALLER_TIMEOUT = Duration.ofSeconds(30);

    enum Kind { READ, CHANGE, BATCH, SETUP, INVALID, DENIED, HANG_UP }

    /** Who calls: the bearer it sends and the name the service knows it by. */
    record Identity(String name, String bearer) {
    }

    /** One planned request: what it is, who sends it, for which account, its id and the symbols only it uses. */
    record Call(Kind kind, Identity identity, String account, String requestId, List<String> symbols, long delayMillis) {

        String accountName() {
            return account == null ? "default" : account;
        }
    }

    /** What came back to a caller who waited for it; null for one who hung up. */
    record Answer(int status, String requestIdHeader, Map<String, Object> body) {
    }

    @AfterEach
    void settleTheClock() {
        // The next test class starts with Bitget's clock where the service believes it is.
        Simulator.reset();
        Simulator.arrange("SETTLEUSDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        io.bitgetmargin.testing.Facade.get("symbol=SETTLEUSDT");
        Simulator.reset();
    }

    @Test
    void everyAnswerAuditLineAndLogLineCarriesItsOwnRequestUnderConcurrencyAndFaults() throws Exception {
        long seed = Long.getLong("truth.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed=" + seed + " (rerun: -Dtruth.seed=" + seed + ")");
        Random random = new Random(seed);
        String run = Long.toString(Math.abs(seed % 46_656), 36).toUpperCase(Locale.ROOT);

        Simulator.reset();
        spans.reset();
        List<Call> calls = plan(random, run);
        for (Call call : calls) {
            for (String symbol : call.symbols()) {
                Simulator.arrange(keyOf(call.account()), symbol, Map.of("productType", "USDT-FUTURES", "marginCoin",
                        "USDT"));
            }
        }
        // Bitget misbehaves from the start: HTML gateway pages, its own 429s, slow answers.
        Simulator.fault(Map.of("path", Simulator.SET_MARGIN_MODE, "status", 502, "contentType", "text/html",
                "body", "<html><body>502 Bad Gateway</body></html>", "times", 2 + random.nextInt(3)));
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "status", 429,
                "body", "{\"code\":\"429\",\"msg\":\"Too Many Requests\"}", "times", 1 + random.nextInt(2)));
        Simulator.fault(Map.of("path", Simulator.ACCOUNT, "delayMillis", 300 + random.nextInt(300),
                "times", 2 + random.nextInt(4)));
        Simulator.fault(Map.of("path", Simulator.SETTINGS, "delayMillis", 200 + random.nextInt(300), "times", 2));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(4);
        Map<String, CompletableFuture<Answer>> answers = new HashMap<>();
        List<HangingUpCaller> hangingUp = Collections.synchronizedList(new ArrayList<>());
        boolean[] stepped = { false };
        try {
            for (Call call : calls) {
                CompletableFuture<Answer> answer = new CompletableFuture<>();
                answers.put(call.requestId(), answer);
                arrivals.schedule(() -> send(http, call, answer, hangingUp, arrivals), call.delayMillis(), TimeUnit.MILLISECONDS);
            }
            // Bitget's clock steps by a minute once the first change has reached it, while the queues are full.
            arrivals.scheduleWithFixedDelay(() -> {
                if (!stepped[0] && !Simulator.calls(Simulator.SET_MARGIN_MODE).isEmpty()) {
                    stepped[0] = true;
                    Simulator.clockOffset(60_000);
                }
            }, 50, 10, TimeUnit.MILLISECONDS);
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                    .get(CALLER_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } finally {
            arrivals.shutdownNow();
            for (HangingUpCaller caller : hangingUp) {
                caller.close();
            }
        }

        assertTrue(stepped[0], "the clock stepped during the run");
        List<String> mistakes = new ArrayList<>();
        Map<String, Integer> answered = new java.util.TreeMap<>();
        for (Call call : calls) {
            Answer answer = answers.get(call.requestId()).get();
            checkAnswer(call, answer, mistakes);
            answered.merge(answer == null ? "hung up" : answer.status() + " " + answer.body().getOrDefault("code", ""), 1,
                    Integer::sum);
        }
        System.out.println(getClass().getSimpleName() + " answers: " + answered + "; Bitget refused "
                + Simulator.calls().stream().filter(seen -> "40008".equals(seen.get("code"))).count()
                + " calls for their timestamp");
        List<Map<String, Object>> auditLines = awaitAudit(calls);
        checkAudit(calls, auditLines, mistakes);
        checkLogLines(calls, mistakes);
        checkSpans(calls, auditLines, mistakes);
        assertTrue(mistakes.isEmpty(), "seed " + seed + ": " + mistakes.size() + " mistakes:\n" + String.join("\n", mistakes));
    }

    // ---- the plan ------------------------------------------------------------------------------------------------

    private static final Identity FIRST = new Identity("api-token-1", TestAccounts.TOKEN);
    private static final Identity SECOND = new Identity("api-token-2", TestAccounts.SECOND_TOKEN);
    private static final Identity READER = new Identity(TestAccounts.READER, TestAccounts.READER_TOKEN);

    private static List<Call> plan(Random random, String run) {
        Identity agent = new Identity("agent-" + run.toLowerCase(Locale.ROOT),
                TestIdentityProvider.token("agent-" + run.toLowerCase(Locale.ROOT), List.of("*"), "margin:read margin:write"));
        Identity viewer = new Identity("viewer-" + run.toLowerCase(Locale.ROOT),
                TestIdentityProvider.token("viewer-" + run.toLowerCase(Locale.ROOT), List.of("*"), "margin:read"));
        List<Identity> writers = List.of(FIRST, SECOND, agent);
        List<Kind> kinds = new ArrayList<>();
        add(kinds, Kind.CHANGE, 26);
        add(kinds, Kind.READ, 8);
        add(kinds, Kind.BATCH, 8);
        add(kinds, Kind.SETUP, 8);
        add(kinds, Kind.INVALID, 8);
        add(kinds, Kind.DENIED, 7);
        add(kinds, Kind.HANG_UP, 7);
        Collections.shuffle(kinds, random);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Kind kind = kinds.get(i);
            String id = "truth-" + run + "-" + i;
            String symbol = "T" + run + "X" + i;
            long delay = random.nextInt(600);
            Call call = switch (kind) {
                case READ -> {
                    Identity reader = pick(random, List.of(FIRST, SECOND, agent, READER, viewer));
                    // The read-only token holds the default account and alice only.
                    List<String> accounts = reader == READER ? Arrays.asList(null, TestAccounts.ALICE)
                            : Arrays.asList(null, TestAccounts.ALICE, TestAccounts.UTA);
                    yield new Call(kind, reader, pick(random, accounts), id, List.of(symbol + "USDT"), delay);
                }
                // Most changes come at once for the default account: its queue is full when the clock steps, and the
                // calls Bitget refuses for their timestamp must queue again for their re-signed attempt.
                case CHANGE -> random.nextInt(100) < 85
                        ? new Call(kind, pick(random, writers), null, id, List.of(symbol + "USDT"), random.nextInt(100))
                        : new Call(kind, pick(random, writers), pick(random, Arrays.asList(TestAccounts.ALICE, TestAccounts.UTA)),
                                id, List.of(symbol + "USDT"), delay);
                case INVALID -> new Call(kind, pick(random, writers),
                        pick(random, Arrays.asList(null, TestAccounts.ALICE, TestAccounts.UTA)), id, List.of(symbol + "USDT"), delay);
                case BATCH -> new Call(kind, pick(random, writers),
                        pick(random, Arrays.asList(null, TestAccounts.ALICE, TestAccounts.UTA)), id,
                        List.of(symbol + "AUSDT", symbol + "BUSDT", symbol + "CUSDT"), delay);
                case SETUP -> new Call(kind, pick(random, writers), pick(random, Arrays.asList(null, TestAccounts.ALICE)), id,
                        List.of(symbol + "USDT"), delay);
                case DENIED -> new Call(kind, pick(random, List.of(READER, viewer)),
                        pick(random, Arrays.asList(null, TestAccounts.ALICE)), id, List.of(symbol + "USDT"), delay);
                case HANG_UP -> new Call(kind, pick(random, writers), pick(random, Arrays.asList(null, TestAccounts.ALICE)), id,
                        List.of(symbol + "USDT"), delay);
            };
            calls.add(call);
        }
        return calls;
    }

    private static void add(List<Kind> kinds, Kind kind, int count) {
        for (int i = 0; i < count; i++) {
            kinds.add(kind);
        }
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String keyOf(String account) {
        if (TestAccounts.ALICE.equals(account)) {
            return TestAccounts.ALICE_KEY;
        }
        return TestAccounts.UTA.equals(account) ? TestAccounts.UTA_KEY : TestAccounts.API_KEY;
    }

    // ---- the calls -----------------------------------------------------------------------------------------------

    private static void send(HttpClient http, Call call, CompletableFuture<Answer> answer, List<HangingUpCaller> hangingUp,
            ScheduledExecutorService later) {
        String symbol = call.symbols().get(0);
        try {
            if (call.kind() == Kind.HANG_UP) {
                HangingUpCaller caller = HangingUpCaller.put(RestAssured.port, "/v1/margin-mode", call.identity().bearer(),
                        call.account(), call.requestId(), change(symbol, "isolated"));
                hangingUp.add(caller);
                // It hangs up while the change is queued or under way.
                later.schedule(() -> {
                    try {
                        caller.close();
                    } catch (IOException ignored) {
                        // closed already
                    } finally {
                        answer.complete(null);
                    }
                }, 200, TimeUnit.MILLISECONDS);
                return;
            }
            HttpRequest.Builder request = switch (call.kind()) {
                case READ -> HttpRequest.newBuilder(URI.create(base() + "/v1/margin-mode?symbol=" + symbol)).GET();
                case CHANGE, DENIED -> put("/v1/margin-mode", change(symbol, "isolated"));
                case INVALID -> put("/v1/margin-mode", change(symbol, "sideways"));
                case SETUP -> put("/v1/symbol-setup", "{\"symbol\":\"" + symbol + "\",\"productType\":\"USDT-FUTURES\","
                        + "\"marginMode\":\"isolated\",\"leverage\":5}");
                case BATCH -> HttpRequest.newBuilder(URI.create(base() + "/v1/margin-mode/batch"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
                                + "\"marginMode\":\"isolated\",\"symbols\":[\"" + String.join("\",\"", call.symbols()) + "\"]}"));
                case HANG_UP -> throw new IllegalStateException("sent above");
            };
            request.timeout(CALLER_TIMEOUT).header("Authorization", "Bearer " + call.identity().bearer())
                    .header("X-Request-Id", call.requestId());
            if (call.account() != null) {
                request.header("X-Bitget-Account", call.account());
            }
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                    return;
                }
                answer.complete(new Answer(response.statusCode(),
                        response.headers().firstValue("X-Request-Id").orElse(null), parse(response.body())));
            });
        } catch (IOException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private static HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String change(String symbol, String mode) {
        return "{\"symbol\":\"" + symbol + "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\""
                + mode + "\"}";
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static Map<String, Object> parse(String body) {
        try {
            return body == null || body.isBlank() ? Map.of() : JSON.readValue(body, new TypeReference<>() {
            });
        } catch (IOException e) {
            return Map.of("unparsed", body);
        }
    }

    // ---- the checks ----------------------------------------------------------------------------------------------

    private static void checkAnswer(Call call, Answer answer, List<String> mistakes) {
        if (answer == null) {
            return;
        }
        String id = call.requestId();
        if (!id.equals(answer.requestIdHeader())) {
            mistakes.add(id + " (" + call.kind() + "): X-Request-Id header " + answer.requestIdHeader());
        }
        Map<String, Object> body = answer.body();
        if (answer.status() >= 400 && !id.equals(body.get("requestId"))) {
            mistakes.add(id + " (" + call.kind() + "): problem " + body.get("code") + " with requestId " + body.get("requestId"));
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        if (answer.status() >= 400) {
            problems.add(body);
        }
        if (body.get("results") instanceof List<?> results) {
            for (Object result : results) {
                if (result instanceof Map<?, ?> item && item.get("problem") instanceof Map<?, ?> problem) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) problem;
                    problems.add(typed);
                    if (!id.equals(problem.get("requestId"))) {
                        mistakes.add(id + " (batch): the problem of " + item.get("symbol") + " has requestId "
                                + problem.get("requestId"));
                    }
                }
            }
        }
        for (Map<String, Object> problem : problems) {
            if ("BITGET_CLOCK_SKEW".equals(problem.get("code"))) {
                mistakes.add(id + " (" + call.kind() + "): told BITGET_CLOCK_SKEW after a single clock step: "
                        + problem.get("detail"));
            }
        }
        int expected = switch (call.kind()) {
            case INVALID -> 400;
            case DENIED -> 403;
            default -> -1;
        };
        if (expected > 0 && answer.status() != expected) {
            mistakes.add(id + " (" + call.kind() + "): answered " + answer.status() + " " + body.get("code"));
        }
    }

    /**
     * The audit lines of the run, once each request that decides something has written and no line came for a second
     * (a line may carry another request's id: it is waited for by its symbol too).
     */
    private static List<Map<String, Object>> awaitAudit(List<Call> calls) {
        java.util.concurrent.atomic.AtomicInteger lastCount = new java.util.concurrent.atomic.AtomicInteger(-1);
        return await("the run's audit lines").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> auditLinesOf(calls), lines -> {
                    Set<String> seen = new HashSet<>();
                    for (Map<String, Object> line : lines) {
                        seen.add(String.valueOf(line.get("requestId")));
                        seen.add(String.valueOf(line.get("symbol")));
                    }
                    boolean everyOne = calls.stream().filter(call -> call.kind() != Kind.READ)
                            .allMatch(call -> seen.contains(call.requestId()) || seen.contains(call.symbols().get(0)));
                    return everyOne && lastCount.getAndSet(lines.size()) == lines.size();
                });
    }

    /** Every audit line that names a symbol of this run, or one of its request ids. */
    private static List<Map<String, Object>> auditLinesOf(List<Call> calls) throws IOException {
        Set<String> ids = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        for (Call call : calls) {
            ids.add(call.requestId());
            symbols.addAll(call.symbols());
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(AuditLog.FILE)) {
            Map<String, Object> parsed = JSON.readValue(line, new TypeReference<>() {
            });
            if (ids.contains(String.valueOf(parsed.get("requestId"))) || symbols.contains(String.valueOf(parsed.get("symbol")))) {
                found.add(parsed);
            }
        }
        return found;
    }

    private static void checkAudit(List<Call> calls, List<Map<String, Object>> lines, List<String> mistakes) {
        Map<String, Call> bySymbol = new HashMap<>();
        Map<String, List<Map<String, Object>>> byId = new HashMap<>();
        for (Call call : calls) {
            call.symbols().forEach(symbol -> bySymbol.put(symbol, call));
            byId.put(call.requestId(), new ArrayList<>());
        }
        for (Map<String, Object> line : lines) {
            Object symbol = line.get("symbol");
            Call owner = symbol == null ? null : bySymbol.get(symbol.toString());
            if (owner != null && !owner.requestId().equals(line.get("requestId"))) {
                mistakes.add(owner.requestId() + " (" + owner.kind() + "): its audit line of " + symbol
                        + " carries requestId " + line.get("requestId"));
                continue;
            }
            List<Map<String, Object>> ofId = byId.get(String.valueOf(line.get("requestId")));
            if (ofId != null) {
                ofId.add(line);
            }
        }
        for (Call call : calls) {
            List<Map<String, Object>> own = byId.get(call.requestId());
            String id = call.requestId() + " (" + call.kind() + ")";
            for (Map<String, Object> line : own) {
                if (!call.identity().name().equals(line.get("caller"))) {
                    mistakes.add(id + ": audit line with caller " + line.get("caller") + ", not " + call.identity().name());
                }
                if (!call.accountName().equals(line.get("account"))) {
                    mistakes.add(id + ": audit line with account " + line.get("account") + ", not " + call.accountName());
                }
            }
            switch (call.kind()) {
                case READ -> {
                    if (!own.isEmpty()) {
                        mistakes.add(id + ": a read wrote audit lines " + own);
                    }
                }
                case CHANGE, INVALID, HANG_UP, BATCH -> {
                    List<Object> symbols = own.stream().filter(line -> "margin-mode".equals(line.get("event")))
                            .map(line -> line.get("symbol")).toList();
                    if (!symbols.stream().sorted().toList().equals(call.symbols().stream().sorted().toList())
                            || own.size() != symbols.size()) {
                        mistakes.add(id + ": audit lines for " + symbols + " (" + own.size() + " lines), not one for each of "
                                + call.symbols());
                    }
                }
                case SETUP -> {
                    Set<String> steps = new HashSet<>();
                    for (Map<String, Object> line : own) {
                        if (!"symbol-setup".equals(line.get("event")) || !call.symbols().get(0).equals(line.get("symbol"))
                                || !steps.add(String.valueOf(line.get("setting")))) {
                            mistakes.add(id + ": unexpected audit line " + line);
                        }
                    }
                    if (own.isEmpty()) {
                        mistakes.add(id + ": no audit line");
                    }
                }
                case DENIED -> {
                    if (own.size() != 1 || !"denied".equals(own.get(0).get("event"))
                            || !Integer.valueOf(403).equals(own.get(0).get("status"))) {
                        mistakes.add(id + ": audit lines " + own + ", not one denied line");
                    }
                }
            }
        }
    }

    /** Every line of the main log that names a symbol of a request carries that request's id in its log context. */
    private static void checkLogLines(List<Call> calls, List<String> mistakes) throws IOException {
        Map<String, Call> bySymbol = new HashMap<>();
        calls.forEach(call -> call.symbols().forEach(symbol -> bySymbol.put(symbol, call)));
        int named = 0;
        for (String line : java.nio.file.Files.readAllLines(AuditLog.MAIN_LOG)) {
            for (Map.Entry<String, Call> entry : bySymbol.entrySet()) {
                if (line.contains("\"" + entry.getKey() + "\"") || line.contains(" " + entry.getKey() + " ")) {
                    named++;
                    String logged = requestIdOf(line);
                    if (!entry.getValue().requestId().equals(logged)) {
                        mistakes.add(entry.getValue().requestId() + " (" + entry.getValue().kind() + "): a log line naming "
                                + entry.getKey() + " carries " + logged + ": " + line);
                    }
                }
            }
        }
        assertTrue(named >= calls.size() / 2, "the main log names the run's symbols (" + named + " lines)");
    }

    /**
     * Every request's server span says its own caller and account, every symbol span is in the trace of the request
     * whose symbol it names, and every audit line carries its own request's trace id.
     */
    private void checkSpans(List<Call> calls, List<Map<String, Object>> auditLines, List<String> mistakes) {
        List<SpanData> finished = await("the requests' server spans").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(spans::getFinishedSpanItems, items -> calls.stream()
                        .filter(call -> call.kind() != Kind.HANG_UP).allMatch(call -> items.stream()
                                .anyMatch(span -> call.requestId().equals(span.getAttributes().get(TraceAttributes.REQUEST_ID)))));
        Map<String, SpanData> servers = new HashMap<>();
        for (SpanData span : finished) {
            String id = span.getAttributes().get(TraceAttributes.REQUEST_ID);
            if (span.getKind() == SpanKind.SERVER && id != null && servers.put(id, span) != null) {
                mistakes.add(id + ": two server spans");
            }
        }
        Map<String, Call> bySymbol = new HashMap<>();
        for (Call call : calls) {
            call.symbols().forEach(symbol -> bySymbol.put(symbol, call));
            SpanData server = servers.get(call.requestId());
            if (server == null) {
                continue;
            }
            String caller = server.getAttributes().get(TraceAttributes.CALLER);
            String account = server.getAttributes().get(TraceAttributes.ACCOUNT);
            if (caller != null && !caller.equals(call.identity().name()) || account != null && !account.equals(call.accountName())) {
                mistakes.add(call.requestId() + " (" + call.kind() + "): its server span says caller " + caller + ", account "
                        + account);
            }
        }
        for (SpanData span : finished) {
            String symbol = span.getAttributes().get(TraceAttributes.SYMBOL);
            Call owner = symbol == null ? null : bySymbol.get(symbol);
            SpanData server = owner == null ? null : servers.get(owner.requestId());
            if (server != null && !server.getTraceId().equals(span.getTraceId())) {
                mistakes.add(owner.requestId() + " (" + owner.kind() + "): the " + span.getName() + " span of " + symbol
                        + " is in another request's trace");
            }
        }
        for (Map<String, Object> line : auditLines) {
            SpanData server = servers.get(String.valueOf(line.get("requestId")));
            if (server != null && !server.getTraceId().equals(line.get("traceId"))) {
                mistakes.add(line.get("requestId") + ": an audit line with traceId " + line.get("traceId") + ", not "
                        + server.getTraceId());
            }
        }
    }

    /** The log context's request id: the word after the thread, "(thread) id traceId spanId message". */
    private static String requestIdOf(String line) {
        int thread = line.indexOf(") ");
        if (thread < 0) {
            return null;
        }
        String rest = line.substring(thread + 2);
        int end = rest.indexOf(' ');
        return end <= 0 ? null : rest.substring(0, end);
    }
}
