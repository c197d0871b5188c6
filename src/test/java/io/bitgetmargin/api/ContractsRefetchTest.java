package io.bitgetmargin.api;

import static io.bitgetmargin.testing.Facade.problem;
import static io.bitgetmargin.testing.Facade.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A contract listed after the contracts list was cached: a miss fetches the list again once it is older than
 * {@code bitget-margin.contracts.refetch-interval}, concurrent misses share that fetch, and a symbol missing from a
 * list fetched within the interval is unknown without another call.
 */
@QuarkusTest
@TestProfile(ContractsRefetchTest.ShortRefetchInterval.class)
@WithTestResource(LoopbackBitget.class)
class ContractsRefetchTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    public static class ShortRefetchInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitget-margin.contracts.refetch-interval", INTERVAL.toMillis() + "ms"); // the default
        }
    }

    @BeforeEach
    void listedOnce() {
        Simulator.reset();
        // Caches the list of USDT-FUTURES, then wait out the interval: what follows is a miss on a list that may be old.
        setup("dryRun=true", Map.of("symbol", "BTCUSDT", "leverage", 3)).statusCode(200);
    }

    private static int contractFetches() {
        return Simulator.calls(Simulator.CONTRACTS).size();
    }

    private static void listed(String symbol) {
        Simulator.arrange(symbol, Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
    }

    @Test
    void aSymbolListedAMomentAgoIsFoundByOneFetchAndAMistypedOneCostsNoMore() throws InterruptedException {
        Thread.sleep(INTERVAL.toMillis() + 100);
        int before = contractFetches();
        listed("FRESHUSDT");
        setup("dryRun=true", Map.of("symbol", "FRESHUSDT", "leverage", 3)).statusCode(200);
        assertEquals(before + 1, contractFetches(), "the miss fetched the list again, once");

        // The list is now fresh: a symbol missing from it is unknown at once, and nothing more is fetched.
        problem(setup("dryRun=true", Map.of("symbol", "NOSUCHUSDT", "leverage", 3)), 422, "UNKNOWN_SYMBOL");
        problem(setup("dryRun=true", Map.of("symbol", "NOSUCHUSDT", "leverage", 3)), 422, "UNKNOWN_SYMBOL");
        assertEquals(before + 1, contractFetches(), "a miss within the interval fetches nothing");
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        int symbols = 12;
        for (int i = 0; i < symbols; i++) {
            listed("NEW" + i + "USDT");
        }
        Thread.sleep(INTERVAL.toMillis() + 100);
        int before = contractFetches();
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + RestAssured.port
                    + "/v1/symbol-setup?dryRun=true"))
                    .header("Authorization", "Bearer " + TestAccounts.TOKEN)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(20))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"NEW" + i + "USDT\",\"leverage\":3}"))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
        }
        assertEquals(before + 1, contractFetches(), "every miss joined one fetch of the list");
    }
}
