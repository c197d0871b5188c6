package io.bitgetmargin.ratelimit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.DebugLogging;
import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackRedis;
import io.bitgetmargin.testing.RequiresRedisServer;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With every logger at DEBUG, a password-protected Redis that dies and comes back: the log tells the story, but
 * neither the Redis password nor any Bitget secret appears in it.
 */
@QuarkusTest
@RequiresRedisServer
@TestProfile(RedisSecretsNeverLoggedTest.EverythingLogged.class)
@WithTestResource(LoopbackBitget.class)
@WithTestResource(value = LoopbackRedis.class, initArgs = @ResourceArg(name = "password", value = RedisSecretsNeverLoggedTest.PASSWORD))
class RedisSecretsNeverLoggedTest {

    static final String PASSWORD = "redis-pass-5ecret";
    private static final Path LOG = Path.of("target", "redis-secrets-never-logged-" + ProcessHandle.current().pid() + ".log");

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(DebugLogging.into(LOG));
            overrides.put("quarkus.log.category.\"io.vertx.redis\".level", "DEBUG");
            return overrides;
        }
    }

    private static void change(String mode) {
        Facade.put(Map.of("symbol", "BTCUSDT", "marginMode", mode)).statusCode(200);
    }

    private static String rateLimitStore() {
        return given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'bitget' }.data.rateLimitStore");
    }

    @Test
    void noRedisPasswordOrBitgetSecretReachesTheLog() throws Exception {
        Simulator.reset();
        change("isolated");
        assertTrue((Long) LoopbackRedis.current().command("DBSIZE") > 0, "the limiter counted in the protected Redis");

        LoopbackRedis.current().kill();
        try {
            change("crossed");
        } finally {
            LoopbackRedis.current().restart();
        }
        await("back on Redis").atMost(Duration.ofSeconds(10)).until(() -> "redis".equals(rateLimitStore()));
        change("isolated");

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        // The log did capture the Redis story: without this, an empty log would pass.
        assertTrue(log.contains("Redis rate-limit store unavailable"), "the fallback is in the log");
        assertTrue(log.contains("Redis rate-limit store is back"), "the return is in the log");
        assertTrue(log.contains("DEBUG"), "the log holds DEBUG lines");
        for (String secret : List.of(PASSWORD, TestAccounts.SECRET_KEY, TestAccounts.PASSPHRASE, TestAccounts.TOKEN)) {
            assertFalse(log.contains(secret), "the log contains a secret value of length " + secret.length());
        }
    }
}
