package io.bitgetmargin.load;

import java.util.HashMap;
import java.util.Map;

import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.LoopbackCollector;

/**
 * Starts the loopback Bitget simulator for the benchmark scripts and, unless {@code --bitget-only}, the packaged jar
 * in front of it. Prints {@code BITGET <url>} and {@code FACADE <url>}, then runs until its standard input closes.
 * With {@code --no-limits} the simulator and the service both lift Bitget's rate limits, so that a benchmark measures
 * the service's own cost per request instead of the limiter's pacing.
 * <p>
 * With {@code --traced} the service exports its traces (http/protobuf) to a loopback collector stand-in, as it would
 * with {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} set: what tracing costs per request.
 * <p>
 * {@code StandIn [--bitget-only] [--no-limits] [--traced] [--port N]}
 */
public final class StandIn {

    public static void main(String[] args) throws Exception {
        boolean bitgetOnly = false;
        boolean noLimits = false;
        boolean traced = false;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bitget-only" -> bitgetOnly = true;
                case "--no-limits" -> noLimits = true;
                case "--traced" -> traced = true;
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LoopbackBitget bitget = new LoopbackBitget();
        String bitgetUrl = bitget.startServer(port);
        System.setProperty("loopback-bitget.url", bitgetUrl);
        if (noLimits) {
            io.restassured.RestAssured.given().baseUri(bitgetUrl).contentType("application/json")
                    .body(Map.of("setMarginModePerSecond", 1_000_000, "accountReadsPerSecond", 1_000_000,
                            "setLeveragePerSecond", 1_000_000, "settingsReadsPerSecond", 1_000_000))
                    .put("/simulator/limits").then().statusCode(204);
        }
        System.out.println("BITGET " + bitgetUrl);
        Process service = null;
        LoopbackCollector collector = traced ? new LoopbackCollector() : null;
        if (!bitgetOnly) {
            Map<String, String> environment = new HashMap<>();
            if (noLimits) {
                environment.putAll(Map.of("BITGET_MARGIN_RATE_LIMIT_SET_MARGIN_MODE_PER_SECOND", "1000000",
                        "BITGET_MARGIN_RATE_LIMIT_ACCOUNT_READS_PER_SECOND", "1000000",
                        "BITGET_MARGIN_RATE_LIMIT_SET_LEVERAGE_PER_SECOND", "1000000",
                        "BITGET_MARGIN_RATE_LIMIT_ACCOUNT_SETTINGS_PER_SECOND", "1000000"));
            }
            if (collector != null) {
                environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
                environment.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            }
            service = LoadRun.startService(bitgetUrl, environment);
            System.out.println("FACADE http://127.0.0.1:" + LoadRun.awaitPort(service));
        }
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the script to close our standard input
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (collector != null) {
                System.out.println("COLLECTOR received " + collector.exportCount() + " export request(s)");
                collector.close();
            }
            bitget.stop();
        }
    }
}
