package io.bitgetmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LambdaLimits;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.bitgetmargin.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Two callers share one Bitget account: a noisy one sends forty changes at once, a quiet one three, 0.3 s later. Turns
 * go round between them, so the quiet caller's changes are all made within the maximum wait, the noisy caller is
 * refused what it cannot have in time (its own share of the queue is full), and Bitget never sees more than its limit.
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
@Tag(LambdaLimits.CONCURRENT_CALLERS)
class FairSharesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static List<CompletableFuture<HttpResponse<String>>> changes(String token, String prefix, int count) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Simulator.arrange(prefix + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
        }
        for (int i = 0; i < count; i++) {
            answers.add(HTTP.sendAsync(FacadeRequests.changeMarginMode(base(), token, prefix + i + "USDT", "isolated", TIMEOUT),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    private static List<HttpResponse<String>> all(List<CompletableFuture<HttpResponse<String>>> answers) throws Exception {
        List<HttpResponse<String>> done = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            done.add(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        return done;
    }

    private static void aQuietCallerIsServedBesideANoisyOne(String quietToken, String quietName) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> noisy = changes(TestAccounts.TOKEN, "NOISY", 40);
        Thread.sleep(300);
        List<HttpResponse<String>> quiet = all(changes(quietToken, "QUIET", 3));
        List<HttpResponse<String>> noisyAnswers = all(noisy);

        for (HttpResponse<String> answer : quiet) {
            assertEquals(200, answer.statusCode(), "the quiet caller's change was made: " + answer.body());
        }
        List<HttpResponse<String>> refused = noisyAnswers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertTrue(!refused.isEmpty(), "the noisy caller is refused what it cannot have in time");
        assertTrue(refused.stream().allMatch(answer -> answer.body().contains("\"code\":\"RATE_LIMITED\"")
                && answer.headers().firstValue("Retry-After").isPresent()));
        assertTrue(refused.stream().anyMatch(answer -> answer.body().contains("own share of the queue")),
                "a refusal tells the noisy caller that its own queue is full: " + refused.get(0).body());
        assertTrue(noisyAnswers.stream().allMatch(answer -> answer.statusCode() == 200 || answer.statusCode() == 429));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SET_MARGIN_MODE)) <= 5,
                "Bitget never saw more than 5 changes in a second");
        String metrics = RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("bitget_margin_limiter_turns_total{")
                && line.contains("caller=\"" + quietName + "\"") && line.contains("outcome=\"granted\"")),
                "turns granted per caller are counted");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("bitget_margin_limiter_turns_total{")
                && line.contains("caller=\"api-token-1\"") && line.contains("outcome=\"refused\"")),
                "turns refused per caller are counted");
    }

    @Test
    void aQuietStaticTokenIsServedWhileANoisyOneFloodsTheAccount() throws Exception {
        aQuietCallerIsServedBesideANoisyOne(TestAccounts.SECOND_TOKEN, "api-token-2");
    }

    @Test
    void aQuietJwtCallerIsServedWhileANoisyOneFloodsTheAccount() throws Exception {
        String jwt = TestIdentityProvider.token("quiet-agent", List.of("default"), "margin:read margin:write");
        aQuietCallerIsServedBesideANoisyOne(jwt, "quiet-agent");
    }

    @Test
    void aCallerWithAQuotaMakesNoMoreChangesASecondThanItsQuota() throws Exception {
        List<HttpResponse<String>> answers = all(changes(TestAccounts.PACED_TOKEN, "PACED", 5));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SET_MARGIN_MODE)) <= 1,
                "one change a second, though the account's lane allows five");
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 200));
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertTrue(!refused.isEmpty(), "five at once cannot all go within the maximum wait at one a second");
        assertTrue(refused.get(0).body().contains("its quota"), refused.get(0).body());
    }

    @Test
    void aJwtMayCarryItsOwnQuota() throws Exception {
        String jwt = TestIdentityProvider.sign(TestIdentityProvider.claims("paced-agent", List.of("default"),
                "margin:read margin:write").claim("changes_per_second", 1));
        all(changes(jwt, "AGENT", 3));
        assertTrue(SeenCalls.maxInAnySecond(Simulator.calls(Simulator.SET_MARGIN_MODE)) <= 1,
                "the JWT's changes_per_second claim is its quota");
    }
}
