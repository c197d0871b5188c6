package io.bitgetmargin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.bitgetmargin.bitget.BitgetSigner;

/**
 * The simulator's unified-account endpoints as a test double must behave, signed requests straight into
 * {@link BitgetSimulator#handle}: each key answers on its own API only, and set-leverage checks what Bitget documents.
 */
class UnifiedEndpointsTest {

    private static final SimulatedKey UNIFIED = new SimulatedKey("u-key", "u-secret", "u-pass", false, "unified", null,
            null, null);
    private static final SimulatedKey CLASSIC = new SimulatedKey("c-key", "c-secret", "c-pass", false);

    private final BitgetSimulator simulator = new BitgetSimulator(List.of(UNIFIED, CLASSIC));

    private SimulatedResponse signed(SimulatedKey key, String method, String path, String body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        Map<String, String> headers = new HashMap<>();
        headers.put("ACCESS-KEY", key.apiKey());
        headers.put("ACCESS-SIGN", BitgetSigner.of(key.secretKey()).sign(BitgetSigner.preHash(timestamp, method, path,
                "", body)));
        headers.put("ACCESS-TIMESTAMP", timestamp);
        headers.put("ACCESS-PASSPHRASE", key.passphrase());
        headers.put("Content-Type", "application/json");
        return simulator.handle(new SimulatedRequest(method, path, "", headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String code(SimulatedResponse response) throws Exception {
        return Envelopes.JSON.readTree(response.body()).get("code").asText();
    }

    private SimulatedResponse setLeverage(String body) {
        return signed(UNIFIED, "POST", UnifiedEndpoints.SET_LEVERAGE, body);
    }

    @Test
    void eachKeyAnswersOnItsOwnApiOnly() throws Exception {
        assertEquals("40085", code(signed(UNIFIED, "GET", ClassicEndpoints.ACCOUNT, "")));
        assertEquals("40084", code(signed(CLASSIC, "GET", UnifiedEndpoints.SETTINGS, "")));
        assertEquals(400, signed(CLASSIC, "GET", UnifiedEndpoints.SETTINGS, "").status());
        assertEquals("00000", code(signed(UNIFIED, "GET", UnifiedEndpoints.SETTINGS, "")));
    }

    @Test
    void setLeverageNeedsItsParametersAsStrings() throws Exception {
        assertEquals("400172", code(setLeverage("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"marginMode\":\"isolated\"}")));
        assertEquals("400172", code(setLeverage("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":10,\"marginMode\":\"isolated\"}")));
        assertEquals("400172", code(setLeverage("{\"category\":\"SUSDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\"}")));
        assertEquals("40034", code(setLeverage("{\"category\":\"USDT-FUTURES\",\"symbol\":\"NOPEUSDT\",\"leverage\":\"10\"}")));
        SimulatedResponse accepted = setLeverage(
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\",\"marginMode\":\"isolated\"}");
        assertEquals("\"success\"", Envelopes.JSON.readTree(accepted.body()).get("data").toString(), "no state echoed");
    }

    @Test
    void theSettingsShowAChangeAndOnlyTheListedSymbols() throws Exception {
        setLeverage("{\"category\":\"USDT-FUTURES\",\"symbol\":\"ETHUSDT\",\"leverage\":\"7\",\"marginMode\":\"isolated\"}");
        simulator.accounts.get("u-key").symbols.computeIfPresent("BTCUSDT", (name, symbol) -> symbol.merge(name,
                new SimulatedSymbol(null, null, null, null, null, null, null, null, false, null, null, null, null, null)));
        JsonNode data = Envelopes.JSON.readTree(signed(UNIFIED, "GET", UnifiedEndpoints.SETTINGS, "").body()).get("data");
        assertEquals("unified", data.get("accountMode").asText());
        boolean btcListed = false;
        for (JsonNode entry : data.get("symbolConfigList")) {
            btcListed |= entry.get("symbol").asText().equals("BTCUSDT");
            if (entry.get("symbol").asText().equals("ETHUSDT")) {
                assertEquals("isolated", entry.get("marginMode").asText());
                assertEquals("7", entry.get("leverage").asText());
            }
            assertEquals(false, entry.get("category").asText().startsWith("S"), "no S-prefixed categories on UTA");
        }
        assertEquals(false, btcListed, "inSettings=false leaves the symbol out");
    }

    @Test
    void anIsolatedLevelRefusesCrossedAndHedgeModeNeedsASide() throws Exception {
        simulator.accounts.add("u-key", new SimulatedKey("u-key", "u-secret", "u-pass", false, "unified", null,
                "isolated", "hedge_mode"));
        assertEquals("22005", code(setLeverage(
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\",\"marginMode\":\"crossed\"}")));
        assertEquals("400172", code(setLeverage(
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\",\"marginMode\":\"isolated\"}")));
        assertEquals("00000", code(setLeverage(
                "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\",\"marginMode\":\"isolated\",\"posSide\":\"long\"}")));
    }

    @Test
    void setLeverageIsLimitedAtTenASecondPerKey() throws Exception {
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            SimulatedResponse answer = setLeverage("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"leverage\":\"10\"}");
            refused += answer.status() == 429 ? 1 : 0;
        }
        assertEquals(2, refused);
    }
}
