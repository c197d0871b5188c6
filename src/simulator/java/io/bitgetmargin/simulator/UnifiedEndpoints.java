package io.bitgetmargin.simulator;

import static io.bitgetmargin.simulator.Envelopes.JSON;
import static io.bitgetmargin.simulator.Envelopes.error;
import static io.bitgetmargin.simulator.Envelopes.success;

import java.math.BigDecimal;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The unified-account (v3) endpoints this service uses: the account settings (with {@code symbolConfigList}) and
 * set-leverage with a {@code marginMode}. Every value in and out is a string, as on Bitget.
 * <p>
 * What Bitget does not document is modelled plainly and said so: a change refused for open positions or orders
 * answers the clearly fake code {@value #OPEN_POSITIONS_CODE} (no UTA code is known); an {@code isolated} account level
 * refuses {@code crossed} with 22005; a missing or malformed parameter is 400172, and so is an isolated change without
 * {@code posSide} on a hedge-mode account.
 */
final class UnifiedEndpoints {

    static final String SETTINGS = "/api/v3/account/settings";
    static final String SET_LEVERAGE = "/api/v3/account/set-leverage";
    static final String SET_HOLD_MODE = "/api/v3/account/set-hold-mode";

    /** Not a Bitget code: Bitget documents none for this refusal on unified accounts. */
    static final String OPEN_POSITIONS_CODE = "SIM-UTA-OPEN";

    private static final Set<String> CATEGORIES = Set.of("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES");

    private UnifiedEndpoints() {
    }

    static SimulatedResponse settings(SimulatedAccount account, long now) {
        ArrayNode symbols = JSON.createArrayNode();
        account.symbols.values().stream().filter(SimulatedSymbol::isInSettings)
                .filter(symbol -> CATEGORIES.contains(symbol.productType()))
                .forEach(symbol -> symbols.addObject()
                        .put("category", symbol.productType())
                        .put("symbol", symbol.symbol())
                        .put("marginMode", symbol.marginMode())
                        .put("leverage", ClassicEndpoints.plain(symbol.leverage())));
        ObjectNode data = JSON.createObjectNode()
                .put("uid", Integer.toUnsignedString(account.key.apiKey().hashCode()))
                .put("accountMode", account.key.accountMode())
                .put("assetMode", "multi_assets")
                .put("accountLevel", account.key.accountLevel())
                .put("holdMode", account.holdMode)
                .put("stpMode", "none");
        data.set("symbolConfigList", symbols);
        data.set("coinConfigList", JSON.createArrayNode());
        return success(data, now);
    }

    static SimulatedResponse setLeverage(SimulatedAccount account, SimulatedRequest request, long now) {
        ObjectNode body = Envelopes.object(request);
        if (body == null) {
            return error(400, "400172", "Parameter verification failed", now);
        }
        String category = Envelopes.text(body, "category");
        String name = Envelopes.text(body, "symbol");
        String leverage = Envelopes.text(body, "leverage");
        String mode = body.hasNonNull("marginMode") ? body.get("marginMode").asText() : "crossed";
        String posSide = body.hasNonNull("posSide") ? body.get("posSide").asText() : null;
        if (category == null || !CATEGORIES.contains(category) || name == null || leverage == null
                || !(mode.equals("crossed") || mode.equals("isolated"))
                || (posSide != null && !(posSide.equals("long") || posSide.equals("short")))
                || !body.get("leverage").isTextual() || !isLeverage(leverage)) {
            return error(400, "400172", "Parameter verification failed", now);
        }
        // Bitget: posSide is "required to set leverage for isolated margin"; read here as in hedge mode, where each
        // side has its own leverage, and accepted either way in one-way mode (UTA.md leaves both open).
        if (mode.equals("isolated") && posSide == null && "hedge_mode".equals(account.holdMode)) {
            return error(400, "400172", "Parameter verification failed", now);
        }
        SimulatedSymbol symbol = account.symbols.get(name);
        if (symbol == null || !symbol.productType().equals(category)) {
            return error(400, "40034", "Parameter " + name + " does not exist", now);
        }
        if (mode.equals("crossed") && "isolated".equals(account.key.accountLevel())) {
            return error(400, "22005", "This symbol does not support cross mode", now);
        }
        if (symbol.hasPositionsOrOrders()) {
            return error(400, OPEN_POSITIONS_CODE,
                    "Simulated refusal: positions or orders are open (Bitget documents no code for this)", now);
        }
        SimulatedSymbol changed = symbol.withUnifiedSettings(mode, new BigDecimal(leverage));
        account.symbols.put(changed.symbol(), changed);
        return success(TextNode.valueOf("success"), now);
    }

    /**
     * The account-wide position mode. Refused, as set-leverage is, with the fake {@value #OPEN_POSITIONS_CODE} while
     * any symbol of any category has a position or order: Bitget documents no code for it (SETUP.md §4 lists only
     * candidates).
     */
    static SimulatedResponse setHoldMode(SimulatedAccount account, SimulatedRequest request, long now) {
        ObjectNode body = Envelopes.object(request);
        String holdMode = body == null ? null : Envelopes.text(body, "holdMode");
        if (holdMode == null || !(holdMode.equals("one_way_mode") || holdMode.equals("hedge_mode"))) {
            return error(400, "400172", "Parameter verification failed", now);
        }
        if (account.hasPositionsOrOrders(null)) {
            return error(400, OPEN_POSITIONS_CODE,
                    "Simulated refusal: positions or orders are open (Bitget documents no code for this)", now);
        }
        account.holdMode = holdMode;
        return success(TextNode.valueOf("success"), now);
    }

    private static boolean isLeverage(String text) {
        try {
            return new BigDecimal(text).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
