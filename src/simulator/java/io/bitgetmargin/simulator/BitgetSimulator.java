package io.bitgetmargin.simulator;

import static io.bitgetmargin.simulator.Envelopes.JSON;
import static io.bitgetmargin.simulator.Envelopes.error;
import static io.bitgetmargin.simulator.Envelopes.success;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Bitget stand-in that answers the endpoints this service calls with Bitget's envelope and real error codes, and
 * a control API under {@code /simulator} for tests and dev mode. Pure and thread-safe: the HTTP adapters (a Vert.x
 * route in dev and test builds, a JDK server in tests) only carry bytes in and out.
 * <p>
 * A signed call is checked in Bitget's order: the signature and its headers ({@link SignatureCheck}), the account's
 * type (a unified key answers 40085 on the classic endpoints, a classic key 40084 on the unified ones), the limit of
 * the endpoint per key (HTTP 429), then the endpoint itself ({@link ClassicEndpoints}, {@link UnifiedEndpoints}).
 * Keys and their contracts are in {@link SimulatedAccounts}, queued faults in {@link FaultQueue}, what was seen in
 * {@link RequestLog}, and the control API in {@link ControlApi}.
 */
public final class BitgetSimulator {

    static final String SERVER_TIME = "/api/v2/public/time";

    /** Bitget's limits per key and second, unless a benchmark lifts them through {@code PUT /simulator/limits}. */
    private static final Map<String, Integer> BITGET_LIMITS = Map.of(
            ClassicEndpoints.SET_MARGIN_MODE, 5, ClassicEndpoints.ACCOUNT, 10, ClassicEndpoints.SET_LEVERAGE, 5,
            ClassicEndpoints.SET_POSITION_MODE, 5, ClassicEndpoints.CONTRACTS, 20,
            UnifiedEndpoints.SET_LEVERAGE, 10, UnifiedEndpoints.SETTINGS, 20, UnifiedEndpoints.SET_HOLD_MODE, 10);
    /** The names {@code PUT /simulator/limits} takes. */
    private static final Map<String, String> LIMIT_NAMES = Map.of(
            "setMarginModePerSecond", ClassicEndpoints.SET_MARGIN_MODE, "accountReadsPerSecond", ClassicEndpoints.ACCOUNT,
            "futuresSetLeveragePerSecond", ClassicEndpoints.SET_LEVERAGE,
            "setPositionModePerSecond", ClassicEndpoints.SET_POSITION_MODE,
            "contractsPerSecond", ClassicEndpoints.CONTRACTS,
            "setLeveragePerSecond", UnifiedEndpoints.SET_LEVERAGE, "settingsReadsPerSecond", UnifiedEndpoints.SETTINGS,
            "setHoldModePerSecond", UnifiedEndpoints.SET_HOLD_MODE);
    /** Public calls are limited per IP; the simulator has one caller's worth of them. */
    private final SimulatedAccount publicCaller = new SimulatedAccount(new SimulatedKey("public", "", "", false));

    final SimulatedAccounts accounts;
    final FaultQueue faults = new FaultQueue();
    final RequestLog log = new RequestLog();
    private final ControlApi control = new ControlApi(this);
    private final Map<String, Integer> limits = new HashMap<>();
    long clockOffsetMillis;

    public BitgetSimulator(List<SimulatedKey> keys) {
        this.accounts = new SimulatedAccounts(keys);
        reset();
    }

    /** Forgets every arranged state, fault, seen call, added key and lifted limit. */
    public synchronized void reset() {
        accounts.reset();
        faults.clear();
        log.clear();
        clockOffsetMillis = 0;
        limits.clear();
        limits.putAll(BITGET_LIMITS);
        publicCaller.forgetCalls();
    }

    void setLimit(String name, int perSecond) {
        String path = LIMIT_NAMES.get(name);
        if (path == null) {
            throw new IllegalArgumentException("no such limit: " + name);
        }
        limits.put(path, perSecond);
    }

    /** Handles one HTTP request, Bitget's paths and the control API alike. */
    public synchronized SimulatedResponse handle(SimulatedRequest request) {
        String path = request.rawPath();
        if (path.equals(ControlApi.PATH) || path.startsWith(ControlApi.PATH + "/")) {
            return control.handle(request);
        }
        long now = System.currentTimeMillis() + clockOffsetMillis;
        SimulatedFault fault = faults.take(path);
        SimulatedResponse canned = FaultQueue.cannedAnswer(fault);
        SimulatedResponse answer = canned != null ? canned : bitget(request, now);
        log.record(request, answer, canned != null);
        return fault == null ? answer : answer.delayedBy(fault.delay());
    }

    private SimulatedResponse bitget(SimulatedRequest request, long now) {
        String path = request.rawPath();
        String method = request.method();
        if (path.equals(SERVER_TIME) && method.equals("GET")) {
            ObjectNode data = JSON.createObjectNode().put("serverTime", Long.toString(now));
            return success(data, now);
        }
        if (path.equals(ClassicEndpoints.CONTRACTS) && method.equals("GET")) {
            return publicCaller.admit(path, limits.get(path)) ? ClassicEndpoints.contracts(accounts, request, now)
                    : error(429, "429", "Too Many Requests", now);
        }
        boolean classic = method.equals("POST") && (path.equals(ClassicEndpoints.SET_MARGIN_MODE)
                || path.equals(ClassicEndpoints.SET_LEVERAGE) || path.equals(ClassicEndpoints.SET_POSITION_MODE))
                || path.equals(ClassicEndpoints.ACCOUNT) && method.equals("GET");
        boolean unified = method.equals("POST") && (path.equals(UnifiedEndpoints.SET_LEVERAGE)
                || path.equals(UnifiedEndpoints.SET_HOLD_MODE))
                || path.equals(UnifiedEndpoints.SETTINGS) && method.equals("GET");
        if (!classic && !unified) {
            return error(404, "40404", "Request URL NOT FOUND", now);
        }
        Object authenticated = SignatureCheck.authenticate(request, accounts, now);
        if (authenticated instanceof SimulatedResponse refusal) {
            return refusal;
        }
        SimulatedAccount account = (SimulatedAccount) authenticated;
        if (classic && account.key.isUnified()) {
            return error(400, "40085", "You are in Unified Account mode, and the Classic Account API is not supported at this time", now);
        }
        if (unified && !account.key.isUnified()) {
            return error(400, "40084", "You are in Classic Account mode, and the Unified Account API is not supported at this time", now);
        }
        if (!account.admit(path, limits.get(path))) {
            return error(429, "429", "Too Many Requests", now);
        }
        return switch (path) {
            case ClassicEndpoints.SET_MARGIN_MODE -> ClassicEndpoints.setMarginMode(account, request, now);
            case ClassicEndpoints.ACCOUNT -> ClassicEndpoints.readAccount(account, request, now);
            case ClassicEndpoints.SET_LEVERAGE -> ClassicEndpoints.setLeverage(account, request, now);
            case ClassicEndpoints.SET_POSITION_MODE -> ClassicEndpoints.setPositionMode(account, request, now);
            case UnifiedEndpoints.SET_HOLD_MODE -> UnifiedEndpoints.setHoldMode(account, request, now);
            case UnifiedEndpoints.SET_LEVERAGE -> UnifiedEndpoints.setLeverage(account, request, now);
            default -> UnifiedEndpoints.settings(account, now);
        };
    }
}
