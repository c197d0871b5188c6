package io.bitgetmargin.simulator;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bitgetmargin.bitget.BitgetSigner;

/**
 * A Bitget stand-in that answers the three endpoints this service calls with Bitget's envelope and real error
 * codes, and a control API under {@code /simulator} for tests and dev mode. Pure and thread-safe: the HTTP
 * adapters (a Vert.x route in dev and test builds, a JDK server in tests) only carry bytes in and out.
 * <p>
 * Checks, in Bitget's order: the ACCESS-* headers, the key (40006), the timestamp within 30 s (40008), the
 * passphrase (40012), the signature over the bytes received (40009, HMAC or RSA keys), the environment (40099), then 5 calls/s per
 * key on set-margin-mode and 10/s on the account read (HTTP 429), then the parameters (40019, 40020, 40034, 40778,
 * 40808) and the account state (45117).
 */
public final class BitgetSimulator {

    static final String SET_MARGIN_MODE = "/api/v2/mix/account/set-margin-mode";
    static final String ACCOUNT = "/api/v2/mix/account/account";
    static final String SERVER_TIME = "/api/v2/public/time";
    static final String CONTROL = "/simulator";

    private static final long TIMESTAMP_WINDOW_MILLIS = 30_000;
    private static final int SET_MARGIN_MODE_PER_SECOND = 5;
    private static final int ACCOUNT_READS_PER_SECOND = 10;
    /** Bitget's limits unless a benchmark raises them through {@code PUT /simulator/limits}. */
    private int setMarginModePerSecond = SET_MARGIN_MODE_PER_SECOND;
    private int accountReadsPerSecond = ACCOUNT_READS_PER_SECOND;
    private static final int MAX_SEEN = 20_000;
    private static final Set<String> PRODUCT_TYPES = Set.of("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES",
            "SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES");

    /** Contracts every account starts with: symbol, product type, margin coin. */
    private static final List<String[]> LISTED = List.of(
            new String[] { "BTCUSDT", "USDT-FUTURES", "USDT" }, new String[] { "ETHUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "SOLUSDT", "USDT-FUTURES", "USDT" }, new String[] { "XRPUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "DOGEUSDT", "USDT-FUTURES", "USDT" }, new String[] { "1000PEPEUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "龙虾USDT", "USDT-FUTURES", "USDT" }, new String[] { "$DEGENUSDT", "USDT-FUTURES", "USDT" },
            new String[] { "BTCUSD", "COIN-FUTURES", "BTC" }, new String[] { "ETHUSD", "COIN-FUTURES", "ETH" },
            new String[] { "BTCPERP", "USDC-FUTURES", "USDC" }, new String[] { "ETHPERP", "USDC-FUTURES", "USDC" },
            new String[] { "SBTCSUSDT", "SUSDT-FUTURES", "SUSDT" }, new String[] { "SETHSUSDT", "SUSDT-FUTURES", "SUSDT" },
            new String[] { "SBTCSUSD", "SCOIN-FUTURES", "SBTC" }, new String[] { "SBTCSPERP", "SUSDC-FUTURES", "SUSDC" });

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<SimulatedKey> initialKeys;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Deque<SimulatedFault> faults = new ArrayDeque<>();
    private final Deque<SeenRequest> seen = new ArrayDeque<>();
    private long clockOffsetMillis;

    public BitgetSimulator(List<SimulatedKey> keys) {
        this.initialKeys = List.copyOf(keys);
        reset();
    }

    /** Forgets every arranged state, fault, seen call and added key. */
    public synchronized void reset() {
        accounts.clear();
        faults.clear();
        seen.clear();
        clockOffsetMillis = 0;
        setMarginModePerSecond = SET_MARGIN_MODE_PER_SECOND;
        accountReadsPerSecond = ACCOUNT_READS_PER_SECOND;
        initialKeys.forEach(this::addKey);
    }

    public synchronized void addKey(SimulatedKey key) {
        Account account = new Account(key);
        for (String[] listed : LISTED) {
            account.symbols.put(listed[0], SimulatedSymbol.listed(listed[0], listed[1], listed[2]));
        }
        accounts.put(key.apiKey(), account);
    }

    /** Handles one HTTP request, Bitget's paths and the control API alike. */
    public SimulatedResponse handle(SimulatedRequest request) {
        String path = request.rawPath();
        if (path.equals(CONTROL) || path.startsWith(CONTROL + "/")) {
            return control(request);
        }
        long now = now();
        SimulatedFault fault = takeFault(path);
        SimulatedResponse answer;
        if (fault != null && fault.status() != null) {
            answer = new SimulatedResponse(fault.status(),
                    fault.contentType() == null ? "application/json" : fault.contentType(),
                    fault.body() == null ? "" : fault.body(), fault.retryAfter(), 0, false);
        } else if (fault != null && Boolean.TRUE.equals(fault.dropConnection())) {
            answer = new SimulatedResponse(0, null, "", null, 0, true);
        } else {
            answer = bitget(request, now);
        }
        record(request, answer);
        return fault == null ? answer : answer.delayedBy(fault.delay());
    }

    // ---- Bitget endpoints -------------------------------------------------------------------------------------

    private synchronized SimulatedResponse bitget(SimulatedRequest request, long now) {
        String path = request.rawPath();
        if (path.equals(SERVER_TIME) && request.method().equals("GET")) {
            ObjectNode data = JSON.createObjectNode().put("serverTime", Long.toString(now));
            return success(data, now);
        }
        boolean setMarginMode = path.equals(SET_MARGIN_MODE) && request.method().equals("POST");
        boolean account = path.equals(ACCOUNT) && request.method().equals("GET");
        if (!setMarginMode && !account) {
            return error(404, "40404", "Request URL NOT FOUND", now);
        }
        Object authenticated = authenticate(request, now);
        if (authenticated instanceof SimulatedResponse refusal) {
            return refusal;
        }
        Account holder = (Account) authenticated;
        Deque<Long> window = setMarginMode ? holder.setCalls : holder.accountReads;
        int limit = setMarginMode ? setMarginModePerSecond : accountReadsPerSecond;
        long realNow = System.currentTimeMillis();
        while (!window.isEmpty() && realNow - window.peekFirst() >= 1000) {
            window.removeFirst();
        }
        if (window.size() >= limit) {
            return error(429, "429", "Too Many Requests", now);
        }
        window.addLast(realNow);
        return setMarginMode ? setMarginMode(holder, request, now) : readAccount(holder, request, now);
    }

    private Object authenticate(SimulatedRequest request, long now) {
        String key = request.header("ACCESS-KEY");
        String sign = request.header("ACCESS-SIGN");
        String timestamp = request.header("ACCESS-TIMESTAMP");
        String passphrase = request.header("ACCESS-PASSPHRASE");
        if (isBlank(key)) {
            return error(400, "40001", "ACCESS_KEY cannot be empty", now);
        }
        if (isBlank(sign)) {
            return error(400, "40002", "ACCESS_SIGN cannot be empty", now);
        }
        if (isBlank(passphrase)) {
            return error(400, "40011", "ACCESS_PASSPHRASE cannot be empty", now);
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return error(400, "40005", "Invalid ACCESS_TIMESTAMP", now);
        }
        Account account = accounts.get(key);
        if (account == null) {
            return error(400, "40006", "Invalid ACCESS_KEY", now);
        }
        if (Math.abs(now - sentAt) > TIMESTAMP_WINDOW_MILLIS) {
            return error(400, "40008", "Request timestamp expired", now);
        }
        if (!account.key.passphrase().equals(passphrase)) {
            return error(400, "40012", "apikey/password is incorrect", now);
        }
        String expected = BitgetSigner.of(account.key.secretKey()).sign(BitgetSigner.preHash(timestamp,
                request.method(), request.rawPath(), decode(request.rawQuery()), request.bodyText()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sign.getBytes(StandardCharsets.UTF_8))) {
            return error(400, "40009", "sign signature error", now);
        }
        // The legacy S-product types are their own demo environment, used without the header by any key.
        boolean paptrading = "1".equals(request.header("paptrading"));
        boolean simulatedProduct = String.valueOf(productTypeOf(request)).startsWith("S");
        if (simulatedProduct ? paptrading : paptrading != account.key.isDemo()) {
            return error(400, "40099", "exchange environment is incorrect", now);
        }
        if (request.method().equals("POST") && !String.valueOf(request.header("Content-Type")).startsWith("application/json")) {
            return error(400, "40007", "Invalid Content_Type", now);
        }
        return account;
    }

    private SimulatedResponse setMarginMode(Account account, SimulatedRequest request, long now) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            return error(400, "40017", "Parameter verification failed", now);
        }
        if (body == null || !body.isObject()) {
            return error(400, "40017", "Parameter verification failed", now);
        }
        for (String field : List.of("symbol", "productType", "marginCoin", "marginMode")) {
            if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
                return error(400, "40019", "Parameter " + field + " cannot be empty", now);
            }
        }
        String mode = body.get("marginMode").asText();
        if (!mode.equals("isolated") && !mode.equals("crossed")) {
            return error(400, "40020", "Parameter marginMode error", now);
        }
        Object found = findSymbol(account, body.get("symbol").asText(), body.get("productType").asText(),
                body.get("marginCoin").asText(), now);
        if (found instanceof SimulatedResponse refusal) {
            return refusal;
        }
        SimulatedSymbol symbol = (SimulatedSymbol) found;
        if (symbol.hasPositionsOrOrders()) {
            return error(400, "45117", "Currently holding positions or orders, the margin mode cannot be adjusted", now);
        }
        SimulatedSymbol changed = symbol.withMarginMode(mode);
        account.symbols.put(changed.symbol(), changed);
        ObjectNode data = JSON.createObjectNode()
                .put("symbol", changed.symbol())
                .put("marginCoin", changed.marginCoin())
                .put("longLeverage", plain(changed.longLeverage()))
                .put("shortLeverage", plain(changed.shortLeverage()))
                .put("marginMode", mode);
        data.putNull("crossMarginLeverage");
        return success(data, now);
    }

    private SimulatedResponse readAccount(Account account, SimulatedRequest request, long now) {
        Map<String, String> query = parameters(request.rawQuery());
        for (String field : List.of("symbol", "productType", "marginCoin")) {
            if (isBlank(query.get(field))) {
                return error(400, "40019", "Parameter " + field + " cannot be empty", now);
            }
        }
        Object found = findSymbol(account, query.get("symbol"), query.get("productType"), query.get("marginCoin"), now);
        if (found instanceof SimulatedResponse refusal) {
            return refusal;
        }
        SimulatedSymbol symbol = (SimulatedSymbol) found;
        ObjectNode data = JSON.createObjectNode()
                .put("marginCoin", symbol.marginCoin())
                .put("locked", "0")
                .put("available", "1000")
                .put("crossedMaxAvailable", "1000")
                .put("isolatedMaxAvailable", "1000")
                .put("accountEquity", "1000")
                .put("usdtEquity", "1000")
                .put("unrealizedPL", "")
                .put("crossedMarginLeverage", symbol.crossLeverage())
                .put("isolatedLongLever", symbol.longLeverage())
                .put("isolatedShortLever", symbol.shortLeverage())
                .put("marginMode", symbol.marginMode())
                .put("posMode", symbol.posMode())
                .put("assetMode", symbol.assetMode());
        return success(data, now);
    }

    private Object findSymbol(Account account, String name, String productType, String marginCoin, long now) {
        if (!PRODUCT_TYPES.contains(productType.toUpperCase(java.util.Locale.ROOT))) {
            return error(400, "40020", "Parameter productType error", now);
        }
        SimulatedSymbol symbol = account.symbols.get(name);
        if (symbol == null || !symbol.productType().equalsIgnoreCase(productType)) {
            return error(400, "40034", "Parameter " + name + " does not exist", now);
        }
        if (!symbol.marginCoin().equals(marginCoin)) {
            return symbol.marginCoin().equalsIgnoreCase(marginCoin)
                    ? error(400, "40808", "Parameter verification exception token id should not be null", now)
                    : error(400, "40778", "Coin pair " + name + " does not support " + marginCoin + " currency as margin", now);
        }
        return symbol;
    }

    // ---- control API ------------------------------------------------------------------------------------------

    private synchronized SimulatedResponse control(SimulatedRequest request) {
        String[] parts = request.rawPath().substring(CONTROL.length()).split("/");
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        String method = request.method();
        try {
            if (segments.equals(List.of("reset")) && method.equals("POST")) {
                reset();
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("requests")) && method.equals("GET")) {
                return SimulatedResponse.json(200, JSON.writeValueAsString(new ArrayList<>(seen)));
            }
            if (segments.equals(List.of("faults")) && method.equals("POST")) {
                faults.addLast(JSON.readValue(request.body(), SimulatedFault.class));
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("limits")) && method.equals("PUT")) {
                JsonNode limits = JSON.readTree(request.body());
                setMarginModePerSecond = limits.path("setMarginModePerSecond").asInt(SET_MARGIN_MODE_PER_SECOND);
                accountReadsPerSecond = limits.path("accountReadsPerSecond").asInt(ACCOUNT_READS_PER_SECOND);
                return SimulatedResponse.json(204, "");
            }
            if (segments.equals(List.of("clock")) && method.equals("PUT")) {
                clockOffsetMillis = JSON.readTree(request.body()).path("offsetMillis").asLong();
                return SimulatedResponse.json(204, "");
            }
            if (segments.size() == 2 && segments.get(0).equals("accounts") && method.equals("DELETE")) {
                accounts.remove(segments.get(1));
                return SimulatedResponse.json(204, "");
            }
            if (segments.size() == 2 && segments.get(0).equals("accounts") && method.equals("PUT")) {
                SimulatedKey key = JSON.readValue(request.body(), SimulatedKey.class);
                addKey(new SimulatedKey(segments.get(1), key.secretKey(), key.passphrase(), key.demoTrading()));
                return SimulatedResponse.json(204, "");
            }
            if (segments.size() == 4 && segments.get(0).equals("accounts") && segments.get(2).equals("symbols")) {
                Account account = accounts.get(segments.get(1));
                if (account == null) {
                    return SimulatedResponse.json(404, "{\"error\":\"no such key\"}");
                }
                String name = segments.get(3);
                if (method.equals("GET")) {
                    SimulatedSymbol symbol = account.symbols.get(name);
                    return symbol == null ? SimulatedResponse.json(404, "{\"error\":\"no such symbol\"}")
                            : SimulatedResponse.json(200, JSON.writeValueAsString(symbol));
                }
                if (method.equals("PUT")) {
                    SimulatedSymbol update = JSON.readValue(request.body(), SimulatedSymbol.class);
                    SimulatedSymbol current = account.symbols.get(name);
                    if (current == null) {
                        if (update.productType() == null || update.marginCoin() == null) {
                            return SimulatedResponse.json(400, "{\"error\":\"a new symbol needs productType and marginCoin\"}");
                        }
                        current = SimulatedSymbol.listed(name, update.productType(), update.marginCoin());
                    }
                    SimulatedSymbol merged = current.merge(name, update);
                    account.symbols.put(name, merged);
                    return SimulatedResponse.json(200, JSON.writeValueAsString(merged));
                }
                if (method.equals("DELETE")) {
                    account.symbols.remove(name);
                    return SimulatedResponse.json(204, "");
                }
            }
        } catch (java.io.IOException e) {
            return SimulatedResponse.json(400, "{\"error\":\"unreadable JSON\"}");
        }
        return SimulatedResponse.json(404, "{\"error\":\"no such simulator endpoint\"}");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private synchronized SimulatedFault takeFault(String path) {
        SimulatedFault head = faults.peekFirst();
        if (head == null || !head.matches(path)) {
            return null;
        }
        faults.removeFirst();
        if (head.remaining() > 1) {
            faults.addFirst(head.consumeOne());
        }
        return head;
    }

    private synchronized void record(SimulatedRequest request, SimulatedResponse answer) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.computeIfPresent("ACCESS-PASSPHRASE", (name, value) -> "(not kept)");
        String code = null;
        if (answer.body() != null && answer.body().startsWith("{")) {
            try {
                code = JSON.readTree(answer.body()).path("code").asText(null);
            } catch (JsonProcessingException cannedBody) {
                code = null;
            }
        }
        seen.addLast(new SeenRequest(System.currentTimeMillis(), request.method(), request.rawPath(),
                decode(request.rawQuery()), new LinkedHashMap<>(headers), request.bodyText(), answer.status(), code));
        while (seen.size() > MAX_SEEN) {
            seen.removeFirst();
        }
    }

    private long now() {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    private static SimulatedResponse success(ObjectNode data, long now) {
        ObjectNode envelope = JSON.createObjectNode().put("code", "00000").put("msg", "success").put("requestTime", now);
        envelope.set("data", data);
        return SimulatedResponse.json(200, envelope.toString());
    }

    private static SimulatedResponse error(int status, String code, String msg, long now) {
        ObjectNode envelope = JSON.createObjectNode().put("code", code).put("msg", msg).put("requestTime", now);
        envelope.putNull("data");
        return SimulatedResponse.json(status, envelope.toString());
    }

    private static String productTypeOf(SimulatedRequest request) {
        String fromQuery = parameters(request.rawQuery()).get("productType");
        if (fromQuery != null || request.body().length == 0) {
            return fromQuery;
        }
        try {
            return JSON.readTree(request.body()).path("productType").asText(null);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    private static String decode(String rawQuery) {
        return rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Account {
        final SimulatedKey key;
        final Map<String, SimulatedSymbol> symbols = new HashMap<>();
        final Deque<Long> setCalls = new ArrayDeque<>();
        final Deque<Long> accountReads = new ArrayDeque<>();

        Account(SimulatedKey key) {
            this.key = key;
        }
    }
}
