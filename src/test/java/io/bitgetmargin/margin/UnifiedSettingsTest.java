package io.bitgetmargin.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bitgetmargin.bitget.AccountSettingsData;
import io.bitgetmargin.bitget.AccountSettingsData.SymbolConfig;
import io.bitgetmargin.bitget.AccountType;
import io.bitgetmargin.bitget.BitgetException;
import io.bitgetmargin.bitget.SetLeverageRequest;

/** A unified account's settings read into a symbol's state, and the set-leverage bodies that change its mode. */
class UnifiedSettingsTest {

    private static final MarginModeTarget BTC = new MarginModeTarget("BTCUSDT", ProductType.USDT_FUTURES, "USDT");

    private static AccountSettingsData settings(String accountMode, String holdMode, SymbolConfig... symbols) {
        return new AccountSettingsData("1", accountMode, "multi_assets", "advanced", holdMode, List.of(symbols));
    }

    @Test
    void readsTheSymbolsEntry() {
        MarginModeState state = UnifiedSettings.of(settings("unified", "one_way_mode",
                new SymbolConfig("USDT-FUTURES", "ETHUSDT", "crossed", BigDecimal.valueOf(3)),
                new SymbolConfig("usdt-futures", "btcusdt", "isolated", new BigDecimal("12.5")))).stateOf(BTC);
        assertEquals(AccountType.UNIFIED, state.accountType());
        assertEquals(MarginMode.ISOLATED, state.marginMode());
        assertEquals(MarginModeSource.SETTINGS, state.marginModeSource());
        assertEquals(new BigDecimal("12.5"), state.leverage());
        assertEquals("one_way_mode", state.posMode());
        assertEquals("advanced", state.accountLevel());
    }

    @Test
    void aSymbolTheListLeavesOutIsCrossedWithNoKnownLeverage() {
        MarginModeState state = UnifiedSettings.of(settings("unified", "one_way_mode",
                new SymbolConfig("COIN-FUTURES", "BTCUSDT", "isolated", BigDecimal.TEN))).stateOf(BTC);
        assertEquals(MarginMode.CROSSED, state.marginMode());
        assertEquals(MarginModeSource.DEFAULT, state.marginModeSource());
        assertNull(state.leverage());
    }

    @Test
    void anUnreadableModeIsBitgetsFaultNotAGuess() {
        UnifiedSettings settings = UnifiedSettings.of(settings("unified", "one_way_mode",
                new SymbolConfig("USDT-FUTURES", "BTCUSDT", "portfolio", BigDecimal.TEN)));
        assertThrows(BitgetException.Unavailable.class, () -> settings.stateOf(BTC));
        assertThrows(BitgetException.Unavailable.class, () -> UnifiedSettings.of(null));
    }

    @Test
    void anAccountMovingBetweenTypesIsRefused() {
        assertThrows(AccountSwitchingException.class, () -> UnifiedSettings.of(settings("upgrading", "one_way_mode")));
        assertThrows(AccountSwitchingException.class, () -> UnifiedSettings.of(settings("switching", "one_way_mode")));
    }

    /** BTCUSDT crossed at {@code leverage}, as the settings would report it. */
    private static MarginModeState crossedAt(BigDecimal leverage) {
        return new MarginModeState("BTCUSDT", ProductType.USDT_FUTURES, "USDT", AccountType.UNIFIED, MarginMode.CROSSED,
                MarginModeSource.SETTINGS, leverage, null, null, null, "one_way_mode", "multi_assets", "advanced");
    }

    @Test
    void oneWayModeIsOneCallWithTheCurrentLeverage() {
        List<SetLeverageRequest> calls = UnifiedSettings.of(settings("unified", "one_way_mode"))
                .changeTo(new MarginModeChange(BTC, MarginMode.ISOLATED), crossedAt(new BigDecimal("7.50")));
        assertEquals(List.of(new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "7.50", "isolated", null)), calls);
    }

    @Test
    void hedgeModeGoesIsolatedSideBySideAndCrossedInOneCall() {
        UnifiedSettings hedge = UnifiedSettings.of(settings("unified", "hedge_mode"));
        assertEquals(List.of(new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "isolated", "long"),
                new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "isolated", "short")),
                hedge.changeTo(new MarginModeChange(BTC, MarginMode.ISOLATED), crossedAt(BigDecimal.TEN)));
        assertEquals(List.of(new SetLeverageRequest("USDT-FUTURES", "BTCUSDT", "10", "crossed", null)),
                hedge.changeTo(new MarginModeChange(BTC, MarginMode.CROSSED), crossedAt(BigDecimal.TEN)));
    }

    @Test
    void noLeverageIsGuessed() {
        UnifiedSettings settings = UnifiedSettings.of(settings("unified", "one_way_mode"));
        assertThrows(LeverageUnknownException.class,
                () -> settings.changeTo(new MarginModeChange(BTC, MarginMode.ISOLATED), settings.stateOf(BTC)));
    }
}
