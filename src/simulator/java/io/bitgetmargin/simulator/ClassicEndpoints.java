package io.bitgetmargin.simulator;

import static io.bitgetmargin.simulator.Envelopes.JSON;
import static io.bitgetmargin.simulator.Envelopes.error;
import static io.bitgetmargin.simulator.Envelopes.isBlank;
import static io.bitgetmargin.simulator.Envelopes.success;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The classic (v2) endpoints: set-margin-mode, set-leverage, set-position-mode and Get Single Account, with the
 * parameter checks (40019, 40020, 40034, 40778, 40808), the open positions or orders that forbid a change (45117 for
 * the symbol's margin mode, 40920 for the product type's position mode), and the public contracts list with each
 * contract's leverage range (43050 outside it).
 * <p>
 * Leverage is stored as Bitget reports it: one cross value and an isolated value per side. Set-leverage changes the
 * values of the mode the symbol is in: the cross one; in isolated one-way mode both sides (SETUP.md's open doubt 1,
 * modelled as assumed); in isolated hedge mode the {@code holdSide} given, or both when {@code longLeverage} and
 * {@code shortLeverage} are sent, and without either it answers 40808 "hold side is null", as Bitget does.
 */
final class ClassicEndpoints {

    static final String SET_MARGIN_MODE = "/api/v2/mix/account/set-margin-mode";
    static final String ACCOUNT = "/api/v2/mix/account/account";
    static final String SET_LEVERAGE = "/api/v2/mix/account/set-leverage";
    static final String SET_POSITION_MODE = "/api/v2/mix/account/set-position-mode";
    static final String CONTRACTS = "/api/v2/mix/market/contracts";

    /** The widest leverage of the listed contracts that have one of their own; every other contract allows 1 to 50. */
    private static final Map<String, Integer> MAX_LEVERAGE = Map.of("BTCUSDT", 125, "ETHUSDT", 100, "SOLUSDT", 75,
            "BTCUSD", 125, "ETHUSD", 100, "BTCPERP", 125, "ETHPERP", 100, "SBTCSUSDT", 125, "SETHSUSDT", 100);
    private static final int DEFAULT_MAX_LEVERAGE = 50;

    private static final Set<String> PRODUCT_TYPES = Set.of("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES",
            "SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES");

    private ClassicEndpoints() {
    }

    static SimulatedResponse setMarginMode(SimulatedAccount account, SimulatedRequest request, long now) {
        Object read = body(request, List.of("symbol", "productType", "marginCoin", "marginMode"), now);
        if (read instanceof SimulatedResponse refusal) {
            return refusal;
        }
        ObjectNode body = (ObjectNode) read;
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
        ObjectNode data = leverages(changed).put("marginMode", mode);
        data.putNull("crossMarginLeverage");
        return success(data, now);
    }

    static SimulatedResponse setLeverage(SimulatedAccount account, SimulatedRequest request, long now) {
        Object read = body(request, List.of("symbol", "productType", "marginCoin"), now);
        if (read instanceof SimulatedResponse refusal) {
            return refusal;
        }
        ObjectNode body = (ObjectNode) read;
        Object found = findSymbol(account, body.get("symbol").asText(), body.get("productType").asText(),
                body.get("marginCoin").asText(), now);
        if (found instanceof SimulatedResponse refusal) {
            return refusal;
        }
        SimulatedSymbol symbol = (SimulatedSymbol) found;
        BigDecimal leverage = leverageField(body, "leverage");
        BigDecimal longLeverage = leverageField(body, "longLeverage");
        BigDecimal shortLeverage = leverageField(body, "shortLeverage");
        if (leverage == null && longLeverage == null && shortLeverage == null) {
            return error(400, "40019", "Parameter leverage cannot be empty", now);
        }
        if (leverage != null && leverage.signum() <= 0 || longLeverage != null && longLeverage.signum() <= 0
                || shortLeverage != null && shortLeverage.signum() <= 0) {
            return error(400, "40020", "Parameter leverage error", now);
        }
        String holdSide = Envelopes.text(body, "holdSide");
        if (body.has("holdSide") && !("long".equals(holdSide) || "short".equals(holdSide))) {
            return error(400, "40019", "Parameter holdSide cannot be empty", now);
        }
        int maxLever = maxLeverage(symbol.symbol());
        for (BigDecimal value : new BigDecimal[] { leverage, longLeverage, shortLeverage }) {
            if (value != null && (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(maxLever)) > 0)) {
                return error(400, "43050", "Leverage exceeds the effective range", now);
            }
        }
        SimulatedSymbol changed;
        if (symbol.marginMode().equals("crossed")) {
            // Bitget: in cross mode longLeverage is not validated but takes effect, and first.
            BigDecimal cross = longLeverage != null ? longLeverage : leverage != null ? leverage : shortLeverage;
            changed = symbol.withLeverages(cross, symbol.longLeverage(), symbol.shortLeverage());
        } else if (!"hedge_mode".equals(symbol.posMode())) {
            BigDecimal value = leverage != null ? leverage : longLeverage != null ? longLeverage : shortLeverage;
            changed = symbol.withLeverages(symbol.crossLeverage(), value, value);
        } else if (longLeverage != null && shortLeverage != null) {
            changed = symbol.withLeverages(symbol.crossLeverage(), longLeverage, shortLeverage);
        } else if (holdSide == null) {
            return error(400, "40808", "Parameter verification exception double fixed, hold side is null", now);
        } else {
            BigDecimal value = leverage != null ? leverage : holdSide.equals("long") ? longLeverage : shortLeverage;
            if (value == null) {
                return error(400, "40019", "Parameter leverage cannot be empty", now);
            }
            changed = holdSide.equals("long") ? symbol.withLeverages(symbol.crossLeverage(), value, symbol.shortLeverage())
                    : symbol.withLeverages(symbol.crossLeverage(), symbol.longLeverage(), value);
        }
        account.symbols.put(changed.symbol(), changed);
        return success(leverages(changed).put("crossMarginLeverage", plain(changed.crossLeverage()))
                .put("marginMode", changed.marginMode()), now);
    }

    static SimulatedResponse setPositionMode(SimulatedAccount account, SimulatedRequest request, long now) {
        Object read = body(request, List.of("productType", "posMode"), now);
        if (read instanceof SimulatedResponse refusal) {
            return refusal;
        }
        ObjectNode body = (ObjectNode) read;
        String productType = body.get("productType").asText();
        String posMode = body.get("posMode").asText();
        if (!PRODUCT_TYPES.contains(productType)) {
            return error(400, "40020", "Parameter productType error", now);
        }
        if (!posMode.equals("one_way_mode") && !posMode.equals("hedge_mode")) {
            return error(400, "40020", "Parameter posMode error", now);
        }
        if (account.hasPositionsOrOrders(productType)) {
            return error(400, "40920", "Position or order exists, the position mode cannot be switched", now);
        }
        account.setPositionMode(productType, posMode);
        return success(JSON.createObjectNode().put("posMode", posMode), now);
    }

    /**
     * The public contracts list of a product type: every symbol any key of the simulator has of it (Bitget lists
     * contracts, not an account's symbols), optionally only {@code symbol}, with {@code minLever} and {@code maxLever}.
     */
    static SimulatedResponse contracts(SimulatedAccounts accounts, SimulatedRequest request, long now) {
        Map<String, String> query = Envelopes.parameters(request.rawQuery());
        String productType = query.get("productType");
        if (isBlank(productType)) {
            return error(400, "40019", "Parameter productType cannot be empty", now);
        }
        if (!PRODUCT_TYPES.contains(productType.toUpperCase(Locale.ROOT))) {
            return error(400, "40020", "Parameter productType error", now);
        }
        String only = query.get("symbol");
        var items = JSON.createArrayNode();
        accounts.contracts(productType.toUpperCase(Locale.ROOT)).stream()
                .filter(symbol -> isBlank(only) || symbol.symbol().equalsIgnoreCase(only))
                .forEach(symbol -> {
                    ObjectNode item = items.addObject()
                            .put("symbol", symbol.symbol())
                            .put("productType", symbol.productType())
                            .put("symbolStatus", "normal")
                            .put("minLever", "1")
                            .put("maxLever", Integer.toString(maxLeverage(symbol.symbol())));
                    item.putArray("supportMarginCoins").add(symbol.marginCoin());
                });
        return success(items, now);
    }

    private static int maxLeverage(String symbol) {
        return MAX_LEVERAGE.getOrDefault(symbol, DEFAULT_MAX_LEVERAGE);
    }

    /** A POST body as an object with the required fields, or Bitget's refusal: 40017 not an object, 40019 one missing. */
    private static Object body(SimulatedRequest request, List<String> required, long now) {
        ObjectNode body = Envelopes.object(request);
        if (body == null) {
            return error(400, "40017", "Parameter verification failed", now);
        }
        for (String field : required) {
            if (Envelopes.text(body, field) == null) {
                return error(400, "40019", "Parameter " + field + " cannot be empty", now);
            }
        }
        return body;
    }

    /** A leverage field as Bitget reads it (a string; a number passes too); null when absent or not a number. */
    private static BigDecimal leverageField(ObjectNode body, String field) {
        String text = Envelopes.text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    static SimulatedResponse readAccount(SimulatedAccount account, SimulatedRequest request, long now) {
        Map<String, String> query = Envelopes.parameters(request.rawQuery());
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

    private static Object findSymbol(SimulatedAccount account, String name, String productType, String marginCoin,
            long now) {
        if (!PRODUCT_TYPES.contains(productType.toUpperCase(Locale.ROOT))) {
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

    /** The part of a change's answer both set-margin-mode and set-leverage echo. */
    private static ObjectNode leverages(SimulatedSymbol symbol) {
        return JSON.createObjectNode()
                .put("symbol", symbol.symbol())
                .put("marginCoin", symbol.marginCoin())
                .put("longLeverage", plain(symbol.longLeverage()))
                .put("shortLeverage", plain(symbol.shortLeverage()));
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
