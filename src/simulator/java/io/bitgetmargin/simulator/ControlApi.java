package io.bitgetmargin.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulator's control API under {@value #PATH}, for tests and dev mode: arranging keys and contracts, queuing
 * faults, moving the clock, lifting the limits, reading what Bitget saw, and resetting it all.
 */
final class ControlApi {

    static final String PATH = "/simulator";

    private final BitgetSimulator simulator;

    ControlApi(BitgetSimulator simulator) {
        this.simulator = simulator;
    }

    /** Called with the simulator's monitor held. */
    SimulatedResponse handle(SimulatedRequest request) {
        List<String> segments = new ArrayList<>();
        for (String part : request.rawPath().substring(PATH.length()).split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        String method = request.method();
        try {
            if (segments.equals(List.of("reset")) && method.equals("POST")) {
                simulator.reset();
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("requests")) && method.equals("GET")) {
                return SimulatedResponse.json(200, Envelopes.JSON.writeValueAsString(simulator.log.all()));
            }
            if (segments.equals(List.of("faults")) && method.equals("POST")) {
                simulator.faults.add(Envelopes.JSON.readValue(request.body(), SimulatedFault.class));
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("limits")) && method.equals("PUT")) {
                JsonNode limits = Envelopes.JSON.readTree(request.body());
                limits.fields().forEachRemaining(limit -> simulator.setLimit(limit.getKey(), limit.getValue().asInt()));
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("clock")) && method.equals("PUT")) {
                simulator.clockOffsetMillis = Envelopes.JSON.readTree(request.body()).path("offsetMillis").asLong();
                return SimulatedResponse.json(204, "");
            }
            if (segments.size() == 2 && segments.get(0).equals("accounts")) {
                return key(method, segments.get(1), request);
            }
            if (segments.size() == 4 && segments.get(0).equals("accounts") && segments.get(2).equals("symbols")) {
                return symbol(method, segments.get(1), segments.get(3), request);
            }
        } catch (IOException | IllegalArgumentException e) {
            return SimulatedResponse.json(400, "{\"error\":\"unreadable JSON\"}");
        }
        return SimulatedResponse.json(404, "{\"error\":\"no such simulator endpoint\"}");
    }

    private SimulatedResponse key(String method, String apiKey, SimulatedRequest request) throws IOException {
        if (method.equals("DELETE")) {
            simulator.accounts.remove(apiKey);
            return SimulatedResponse.json(204, "");
        }
        if (method.equals("PUT")) {
            simulator.accounts.add(apiKey, Envelopes.JSON.readValue(request.body(), SimulatedKey.class));
            return SimulatedResponse.json(204, "");
        }
        return SimulatedResponse.json(405, "{\"error\":\"PUT or DELETE\"}");
    }

    private SimulatedResponse symbol(String method, String apiKey, String name, SimulatedRequest request)
            throws IOException {
        SimulatedAccount account = simulator.accounts.get(apiKey);
        if (account == null) {
            return SimulatedResponse.json(404, "{\"error\":\"no such key\"}");
        }
        switch (method) {
            case "GET" -> {
                SimulatedSymbol symbol = account.symbols.get(name);
                return symbol == null ? SimulatedResponse.json(404, "{\"error\":\"no such symbol\"}")
                        : SimulatedResponse.json(200, Envelopes.JSON.writeValueAsString(symbol));
            }
            case "PUT" -> {
                SimulatedSymbol update = Envelopes.JSON.readValue(request.body(), SimulatedSymbol.class);
                SimulatedSymbol current = account.symbols.get(name);
                if (current == null) {
                    if (update.productType() == null || update.marginCoin() == null) {
                        return SimulatedResponse.json(400, "{\"error\":\"a new symbol needs productType and marginCoin\"}");
                    }
                    current = SimulatedSymbol.listed(name, update.productType(), update.marginCoin())
                            .withPosMode(account.positionMode(update.productType()));
                }
                SimulatedSymbol merged = current.merge(name, update);
                account.symbols.put(name, merged);
                if (update.posMode() != null) {
                    // The position mode belongs to the product type: arranging it on one symbol arranges all of them.
                    account.setPositionMode(merged.productType(), update.posMode());
                    merged = account.symbols.get(name);
                }
                return SimulatedResponse.json(200, Envelopes.JSON.writeValueAsString(merged));
            }
            case "DELETE" -> {
                account.symbols.remove(name);
                return SimulatedResponse.json(204, "");
            }
            default -> {
                return SimulatedResponse.json(405, "{\"error\":\"GET, PUT or DELETE\"}");
            }
        }
    }
}
