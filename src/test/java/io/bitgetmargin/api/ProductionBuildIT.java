package io.bitgetmargin.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.Simulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged production artifact has no embedded simulator: none of its paths answer, and none of its classes is in
 * the artifact (they serve dev mode and the tests only, from target/simulator-classes).
 */
@QuarkusIntegrationTest
@WithTestResource(LoopbackBitget.class)
class ProductionBuildIT {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void servesNoSimulatorPaths() {
        given().contentType(ContentType.JSON)
                .body("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\"}")
                .post("/api/v2/mix/account/set-margin-mode").then().statusCode(404);
        given().get("/api/v2/public/time").then().statusCode(404);
        given().get("/api/v2/mix/account/account?symbol=BTCUSDT&productType=USDT-FUTURES&marginCoin=USDT")
                .then().statusCode(404);
        given().get("/simulator/requests").then().statusCode(404);
        given().post("/simulator/reset").then().statusCode(404);
        // The loopback simulator of the test saw none of these: the jar did not forward them either.
        assertEquals(0, Simulator.calls().size());
    }

    @Test
    void stillServesTheFacadeAndHealth() {
        given().get("/q/health/live").then().statusCode(200);
        Facade.put(Facade.change("BTCUSDT", "isolated")).statusCode(200);
    }

    @Test
    void carriesNoSimulatorClass() throws IOException {
        Path app = Path.of("target", "quarkus-app");
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
        List<String> entries = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).forEach(name -> entries.add(jar.getFileName() + "!" + name));
            }
        }
        assertTrue(entries.stream().anyMatch(entry -> entry.contains("!io/bitgetmargin/bitget/BitgetClient.class")),
                "the application's classes are in " + app);
        assertFalse(entries.stream().anyMatch(entry -> entry.contains("!io/bitgetmargin/simulator/")),
                () -> "simulator classes in " + app + ": "
                        + entries.stream().filter(entry -> entry.contains("!io/bitgetmargin/simulator/")).toList());
    }
}
