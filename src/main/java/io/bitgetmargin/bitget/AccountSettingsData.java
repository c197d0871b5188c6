package io.bitgetmargin.bitget;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of a unified account's {@code GET /api/v3/account/settings} this service reads: the account-wide modes
 * and, per symbol, the margin mode and leverage. Every value is a string on the wire.
 *
 * @param accountMode {@code unified}, or {@code upgrading}/{@code switching} while Bitget moves the account between
 *        types ({@code hybrid} is also documented)
 * @param accountLevel {@code basic}, {@code advanced}, {@code isolated} (isolated margin only) or {@code delta}
 *        (cross margin only)
 * @param holdMode {@code one_way_mode} or {@code hedge_mode}
 * @param symbolConfigList the symbols Bitget lists; whether it lists every symbol or only the changed ones is not
 *        documented, and an absent symbol is in the documented default mode, crossed
 */
@RegisterForReflection(targets = { AccountSettingsData.class, AccountSettingsData.SymbolConfig.class })
public record AccountSettingsData(
        String uid,
        String accountMode,
        String assetMode,
        String accountLevel,
        String holdMode,
        List<SymbolConfig> symbolConfigList) {

    /** Whether Bitget is moving the account between the classic and the unified type right now. */
    public boolean isChangingType() {
        return "upgrading".equalsIgnoreCase(accountMode) || "switching".equalsIgnoreCase(accountMode);
    }

    /** Whether the account holds long and short positions of a symbol apart. */
    public boolean isHedgeMode() {
        return "hedge_mode".equalsIgnoreCase(holdMode);
    }

    /** One symbol's entry: {@code category} is the product type ({@code USDT-FUTURES}, ...). */
    public record SymbolConfig(String category, String symbol, String marginMode, BigDecimal leverage) {
    }
}
