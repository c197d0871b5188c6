package io.bitgetmargin.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without credentials or tokens the service is alive but not ready, and says what is missing. */
@QuarkusTest
@TestProfile(MissingConfigurationReadinessTest.NothingConfigured.class)
class MissingConfigurationReadinessTest {

    public static class NothingConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitget.api-key", "", "bitget.secret-key", "", "bitget.passphrase", "",
                    "bitget-margin.api-tokens", "", "quarkus.rest-client.bitget.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void reportsWhatIsMissing() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'bitget' }.data.credentials", containsString("BITGET_API_KEY"))
                .body("checks.find { it.name == 'bitget' }.data.facadeTokens", equalTo("none"))
                .body("checks.find { it.name == 'bitget' }.data.jwt", equalTo("off"))
                .body("checks.find { it.name == 'bitget' }.data.callers", containsString("BITGET_MARGIN_API_TOKENS"));
    }
}
