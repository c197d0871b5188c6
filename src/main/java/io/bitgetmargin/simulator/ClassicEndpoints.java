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
 * The classic (v2) endpoints: set-margin-mode and Get Single Account, with the parameter checks (40019, 40020,
 * 40034, 40778, 40808) and the open positions or orders that forbid a change (45117).
 */
final class ClassicEndpoints {

    static final String SET_MARGIN_MODE = "/api/v2/mix/account/set-margin-mode";
    static final String ACCOUNT = "/api/v2/mix/account/account";

    private static final Set<String> PRODUCT_TYPES = Set.of("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES",
            "SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES");

    private ClassicEndpoints() {
    }

    static SimulatedResponse setMarginMode(SimulatedAccount account, SimulatedRequest request, long now) {
        ObjectNode body = Envelopes.object(request);
        if (body == null) {
            return error(400, "40017", "Parameter verification failed", now);
        }
        for (String field : List.of("symbol", "productType", "marginCoin", "marginMode")) {
            if (Envelopes.text(body, field) == null) {
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

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
