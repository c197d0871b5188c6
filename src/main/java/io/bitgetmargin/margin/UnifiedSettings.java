package io.bitgetmargin.margin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.bitgetmargin.bitget.AccountSettingsData;
import io.bitgetmargin.bitget.AccountSettingsData.SymbolConfig;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.SetLeverageRequest;

/**
 * A unified account's settings as this service reads them: a symbol's mode and leverage from its entry in
 * {@code symbolConfigList}, and the set-leverage bodies that change the mode while keeping that leverage.
 */
public final class UnifiedSettings {

    private final AccountSettingsData data;

    private UnifiedSettings(AccountSettingsData data) {
        this.data = data;
    }

    /**
     * @throws AccountSwitchingException when Bitget is moving the account between types
     * @throws BitgetException.Unavailable when the answer has no settings at all
     */
    public static UnifiedSettings of(AccountSettingsData data) {
        if (data == null) {
            throw new BitgetException.Unavailable("the unified account's settings answer has no data", null, false);
        }
        if (data.isChangingType()) {
            throw new AccountSwitchingException(data.accountMode());
        }
        return new UnifiedSettings(data);
    }

    /**
     * The symbol's state: its entry, or, when the list has none, Bitget's documented default (crossed) with no known
     * leverage. Should Bitget list a symbol twice, the first entry counts: no source says whether it can.
     */
    public MarginModeState stateOf(MarginModeTarget target) {
        Optional<SymbolConfig> entry = entryOf(target);
        if (entry.isEmpty()) {
            return state(target, MarginMode.CROSSED, MarginModeSource.DEFAULT, null);
        }
        MarginMode mode = MarginMode.fromWire(entry.get().marginMode()).orElseThrow(() -> new BitgetException.Unavailable(
                "the unified account's settings have no readable margin mode for " + target.symbol(), null, false));
        return state(target, mode, MarginModeSource.SETTINGS, entry.get().leverage());
    }

    /**
     * The set-leverage calls that give a symbol the mode of {@code change} with the leverage it has now
     * ({@code current}, read from these settings).
     *
     * @throws LeverageUnknownException when the settings list no leverage for the symbol: none is guessed
     * <p>
     * Why these bodies (UTA.md §1.3 and the open doubt §8.4): Bitget documents {@code posSide} as "required to set
     * leverage for isolated margin", and in hedge mode an isolated symbol has a leverage per side, so going isolated
     * in hedge mode is one call per side, {@code long} then {@code short}, the bodies real clients send. The
     * alternative, one call with {@code longLeverage} and {@code shortLeverage}, is documented too, but nothing says
     * which Bitget prefers. One-way mode sends no {@code posSide}, as v2 needs its hold side only in hedge mode; cross
     * margin has one leverage for both sides, so going crossed is one call without it. Whatever Bitget makes of them,
     * the settings are read back afterwards, so a wrong guess ends as NOT_APPLIED, never as a reported success.
     */
    List<SetLeverageRequest> changeTo(MarginModeChange change, MarginModeState current) {
        if (current.leverage() == null) {
            throw new LeverageUnknownException(change.symbol(), change.productType());
        }
        return setLeverageCalls(change.target(), change.marginMode(), current.leverage(), data.isHedgeMode());
    }

    /**
     * The set-leverage calls that give a symbol a margin mode and a leverage together: one per side for isolated
     * margin in hedge mode, one otherwise (see {@link #changeTo}).
     */
    public static List<SetLeverageRequest> setLeverageCalls(MarginModeTarget target, MarginMode mode, BigDecimal leverage,
            boolean hedgeMode) {
        String category = target.productType().wireName();
        String value = leverage.toPlainString();
        if (hedgeMode && mode == MarginMode.ISOLATED) {
            return List.of(new SetLeverageRequest(category, target.symbol(), value, mode.wireName(), "long"),
                    new SetLeverageRequest(category, target.symbol(), value, mode.wireName(), "short"));
        }
        return List.of(new SetLeverageRequest(category, target.symbol(), value, mode.wireName(), null));
    }

    /** {@code one_way_mode} or {@code hedge_mode}, for the whole account. */
    public String holdMode() {
        return data.holdMode();
    }

    String accountLevel() {
        return data.accountLevel();
    }

    private Optional<SymbolConfig> entryOf(MarginModeTarget target) {
        List<SymbolConfig> entries = data.symbolConfigList() == null ? List.of() : data.symbolConfigList();
        String category = target.productType().wireName();
        return entries.stream().filter(entry -> entry != null && entry.symbol() != null && entry.category() != null)
                .filter(entry -> entry.symbol().trim().toUpperCase(Locale.ROOT).equals(target.symbol())
                        && entry.category().trim().equalsIgnoreCase(category))
                .findFirst();
    }

    private MarginModeState state(MarginModeTarget target, MarginMode mode, MarginModeSource source,
            BigDecimal leverage) {
        return new MarginModeState(target.symbol(), target.productType(), target.marginCoin(), AccountType.UNIFIED, mode,
                source, leverage, null, null, null, data.holdMode(), data.assetMode(), data.accountLevel());
    }
}
