package io.bitgetmargin.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * Two instances of the packaged service, the one Quarkus starts for this test and a second one started here, share
 * one Redis and one simulated Bitget: together they must stay within Bitget's limit for one key, also when Redis dies
 * or stalls and each falls back to its share of the limit, and keep answering.
 */
@QuarkusIntegrationTest
@RequiresRedisServer
@WithTestResource(LoopbackBitget.class)
@WithTestResource(LoopbackRedis.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final int CALLERS = 60;
    private static final int DEGRADED_CALLERS = 40;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static Process secondInstance;
    private static int secondPort;
    /** The base URLs of both instances; RestAssured knows the first one's port once a test runs. */
    private List<String> instances;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(String instance, int status, String body) {
    }

    @BeforeAll
    static void startSecondInstance() throws IOException {
        Map<String, String> environment = ServiceProcess.environment(System.getProperty("loopback-bitget.url"),
                TestAccounts.TOKEN);
        environment.put("QUARKUS_REDIS_HOSTS", LoopbackRedis.current().url());
        environment.put("BITGET_MARGIN_RATE_LIMIT_STORE", "redis");
        environment.put("BITGET_MARGIN_RATE_LIMIT_REDIS_HEARTBEAT_INTERVAL", "1s");
        environment.put("QUARKUS_REST_CLIENT_BITGET_READ_TIMEOUT", "1000");
        secondInstance = ServiceProcess.startPackaged(environment);
        secondPort = ServiceProcess.awaitPort(secondInstance, 60);
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (secondInstance != null) {
            ServiceProcess.stop(secondInstance);
        }
    }

    @BeforeEach
    void sixtySymbols() {
        instances = List.of("http://127.0.0.1:" + RestAssured.port, "http://127.0.0.1:" + secondPort);
        Simulator.reset();
        for (int i = 0; i < CALLERS; i++) {
            Simulator.arrange("SHARED" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
    }

    @Test
    @Order(1)
    void sixtyCallersOnTwoInstancesNeverPushOneKeyOverBitgetsLimit() throws Exception {
        for (String instance : instances) {
            assertEquals("redis", rateLimitStore(instance));
        }
        List<Answer> answers = callAll(null);

        assertEquals(CALLERS, answers.size(), "every caller got an answer");
        for (Answer answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 429, answer.toString());
        }
        for (String instance : instances) {
            assertTrue(answers.stream().anyMatch(answer -> answer.instance().equals(instance) && answer.status() == 200),
                    "both instances changed margin modes: " + summary(answers));
        }
        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
        assertTrue(SeenCalls.maxInAnySecond(changes) <= 5,
                "at most 5 set-margin-mode calls in any second for the key, saw " + SeenCalls.maxInAnySecond(changes));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.ACCOUNT)) <= 10);
        assertTrue(changes.stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429),
                "Bitget never had to refuse a call");
        assertEquals(answers.stream().filter(answer -> answer.status() == 200).count(), changes.size(),
                "one change per 200, none for a 429: " + summary(answers));
    }

    @Test
    @Order(2)
    void redisKilledMidRunLeavesBothInstancesWithinTheirShareOfTheLimit() throws Exception {
        try {
            degradedRun(() -> LoopbackRedis.current().kill());
        } finally {
            LoopbackRedis.current().restart();
        }
        awaitBothBackOnRedis();
    }

    @Test
    @Order(3)
    void redisPausedMidRunLeavesBothInstancesWithinTheirShareOfTheLimit() throws Exception {
        try {
            degradedRun(() -> LoopbackRedis.current().pause());
        } finally {
            LoopbackRedis.current().resume();
        }
        awaitBothBackOnRedis();
    }

    /** What Redis does to the instances, mid-run. */
    private interface Outage {
        void begin() throws Exception;
    }

    /**
     * {@value #DEGRADED_CALLERS} callers over both instances lose Redis once both have started changing margin modes
     * through it: every caller gets a definitive answer (a change, a refusal to wait, or unavailable), and the two
     * instances, each now on its own at half of every lane, never let Bitget see more than its limit in a second.
     */
    private void degradedRun(Outage outage) throws Exception {
        List<Answer> answers = callAll(DEGRADED_CALLERS, () -> {
            await("the first changes").atMost(Duration.ofSeconds(20))
                    .until(() -> Simulator.calls(Simulator.SET_MARGIN_MODE).size() >= 5);
            try {
                outage.begin();
            } catch (Exception e) {
                throw new IllegalStateException("the outage did not begin", e);
            }
        });
        assertEquals(DEGRADED_CALLERS, answers.size(), "every caller got an answer");
        for (Answer answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 429 || answer.status() == 503, answer.toString());
        }
        assertTrue(answers.stream().anyMatch(answer -> answer.status() == 200), summary(answers));
        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_MARGIN_MODE);
        System.out.printf("Redis lost mid-run: answers %s, %d changes, at most %d in a second%n", summary(answers),
                changes.size(), SeenCalls.maxInAnySecond(changes));
        assertTrue(SeenCalls.maxInAnySecond(changes) <= 5, "at most 5 set-margin-mode calls in any second for the key,"
                + " saw " + SeenCalls.maxInAnySecond(changes) + ": " + summary(answers));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.ACCOUNT)) <= 10);
        assertTrue(Simulator.calls().stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429),
                "Bitget never had to refuse a call");
        for (String instance : instances) {
            // An instance whose calls were all done before the outage learns of it from its next heartbeat.
            await(instance + " noticing the outage").atMost(Duration.ofSeconds(10))
                    .until(() -> rateLimitStore(instance).startsWith("memory (fallback: redis unreachable since "));
            assertEquals("max(1, floor(limit / 2)) of each lane: 2 instances seen in redis", rateLimitShare(instance));
            String metrics = metrics(instance);
            assertTrue(metrics.contains("bitget_margin_limiter_store_degraded 1.0"), instance);
            assertTrue(metrics.contains("bitget_margin_limiter_share 0.5"), instance + " shows its share: "
                    + metrics.lines().filter(line -> line.startsWith("bitget_margin_limiter")).toList());
        }
    }

    private void awaitBothBackOnRedis() {
        for (String instance : instances) {
            await(instance + " returning to Redis by itself").atMost(Duration.ofSeconds(20))
                    .until(() -> rateLimitStore(instance).equals("redis"));
        }
    }

    /**
     * Last, because it leaves both instances' default account learnt unified: the key turns unified, both instances
     * learn it from 40085 within their callers' requests, and their v3 calls share the unified lanes through Redis.
     */
    @Test
    @Order(4)
    void aUnifiedKeyKeepsItsOwnLanesAcrossInstances() throws Exception {
        Simulator.unifiedKey(TestAccounts.API_KEY, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, false, Map.of());
        for (int i = 0; i < CALLERS; i++) {
            Simulator.arrange("SHARED" + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
        List<Answer> answers = callAll(null);

        assertEquals(CALLERS, answers.size(), "every caller got an answer");
        for (Answer answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 429, answer.toString());
            assertTrue(answer.status() != 200 || answer.body().contains("\"accountType\":\"unified\""), answer.toString());
        }
        List<Map<String, Object>> changes = Simulator.calls(Simulator.SET_LEVERAGE);
        assertFalse(changes.isEmpty(), summary(answers));
        assertTrue(SeenCalls.maxInAnySecond(changes) <= 10,
                "at most 10 set-leverage calls in any second for the key, saw " + SeenCalls.maxInAnySecond(changes));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SETTINGS)) <= 20,
                "at most 20 settings reads in any second, saw " + SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SETTINGS)));
        assertTrue(Simulator.calls().stream().noneMatch(call -> ((Number) call.get("status")).intValue() == 429),
                "Bitget never had to refuse a call");
    }

    /** One change per caller, callers alternating between the instances; {@code meanwhile} runs during the calls. */
    private List<Answer> callAll(Runnable meanwhile) throws Exception {
        return callAll(CALLERS, meanwhile);
    }

    private List<Answer> callAll(int callers, Runnable meanwhile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Answer>> running = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String instance = instances.get(i % instances.size());
                String symbol = "SHARED" + i + "USDT";
                running.add(pool.submit(() -> change(instance, symbol)));
            }
            if (meanwhile != null) {
                meanwhile.run();
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : running) {
                answers.add(answer.get(ANSWER_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer change(String instance, String symbol) {
        HttpRequest request = FacadeRequests.changeMarginMode(instance, TestAccounts.TOKEN, symbol, "isolated",
                ANSWER_TIMEOUT);
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(instance, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(instance, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(instance, -1, e.toString());
        }
    }

    private static String rateLimitStore(String instance) {
        return io.restassured.path.json.JsonPath.from(get(instance, "/q/health/ready"))
                .getString("checks.find { it.name == 'bitget' }.data.rateLimitStore");
    }

    private static String rateLimitShare(String instance) {
        return io.restassured.path.json.JsonPath.from(get(instance, "/q/health/ready"))
                .getString("checks.find { it.name == 'bitget' }.data.rateLimitShare");
    }

    private static String metrics(String instance) {
        return get(instance, "/q/metrics");
    }

    private static String get(String instance, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String summary(List<Answer> answers) {
        Map<String, Map<Integer, Integer>> byInstance = new TreeMap<>();
        answers.forEach(answer -> byInstance.computeIfAbsent(answer.instance(), key -> new TreeMap<>())
                .merge(answer.status(), 1, Integer::sum));
        assertFalse(byInstance.isEmpty());
        return byInstance.toString();
    }
}
