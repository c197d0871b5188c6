package io.bitgetmargin.margin;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetClient;
import io.bitgetmargin.bitget.BitgetEndpoint;
import io.bitgetmargin.bitget.SetMarginModeData;
import io.bitgetmargin.bitget.SetMarginModeRequest;
import io.smallrye.mutiny.Uni;

/**
 * Changes the margin mode of a Bitget futures symbol. Input is normalised and validated before anything is
 * signed; the returned {@link Uni} never blocks the thread that subscribes to it.
 */
@ApplicationScoped
public class MarginModeService {

    private final BitgetClient bitget;
    private final BitgetCallPolicy policy;

    MarginModeService(BitgetClient bitget, BitgetCallPolicy policy) {
        this.bitget = bitget;
        this.policy = policy;
    }

    /**
     * Sets the margin mode for the default account.
     *
     * @return the mode and leverages Bitget reports; fails with {@link InvalidRequestException} (nothing sent) or a
     *         {@link io.bitgetmargin.bitget.BitgetException}
     */
    public Uni<MarginModeResult> setMarginMode(MarginModeInput input) {
        return Uni.createFrom().item(() -> MarginModeNormaliser.normalise(input))
                .flatMap(this::send);
    }

    private Uni<MarginModeResult> send(MarginModeChange change) {
        SetMarginModeRequest request = new SetMarginModeRequest(change.symbol(), change.productType().wireName(),
                change.marginCoin(), change.marginMode().wireName());
        return policy.apply(null, BitgetEndpoint.SET_MARGIN_MODE, () -> bitget.setMarginMode(null, request))
                .map(data -> result(change, data));
    }

    private static MarginModeResult result(MarginModeChange change, SetMarginModeData data) {
        // Bitget echoes the mode it applied; fall back to the requested one when the echo is missing.
        MarginMode applied = data == null ? change.marginMode()
                : MarginMode.fromWire(data.marginMode()).orElse(change.marginMode());
        return new MarginModeResult(change.symbol(), change.productType(), change.marginCoin(), applied,
                data == null ? null : data.longLeverage(), data == null ? null : data.shortLeverage());
    }
}
