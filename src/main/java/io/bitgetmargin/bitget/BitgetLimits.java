package io.bitgetmargin.bitget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bitget's own per-account limits, which the edge keeps each account under (so that Bitget never answers 429). The
 * rate limiter's queueing and store are configured under the same prefix, in {@code RateLimitConfig}.
 */
@ConfigMapping(prefix = "bitget-margin.rate-limit")
public interface BitgetLimits {

    /** Set-margin-mode calls a second, per account (Bitget's limit: 5 a second per UID). */
    @WithDefault("5")
    int setMarginModePerSecond();

    /** Account reads a second, per account (Bitget's limit: 10 a second per UID). */
    @WithDefault("10")
    int accountReadsPerSecond();

    /** Set-leverage calls a second, per unified trading account (Bitget's limit: 10 a second per UID). */
    @WithDefault("10")
    int setLeveragePerSecond();

    /** Account-settings reads a second, per unified trading account (Bitget's limit: 20 a second per UID). */
    @WithDefault("20")
    int accountSettingsPerSecond();

    /** Set-leverage calls a second, per classic account (Bitget's limit: 5 a second per UID). */
    @WithDefault("5")
    int futuresSetLeveragePerSecond();

    /** Set-position-mode calls a second, per classic account (Bitget's limit: 5 a second per UID). */
    @WithDefault("5")
    int setPositionModePerSecond();

    /** Set-hold-mode calls a second, per unified trading account (Bitget's limit: 10 a second per UID). */
    @WithDefault("10")
    int setHoldModePerSecond();

    /** Reads of the public contracts list a second, for the whole service (Bitget's limit: 20 a second per IP). */
    @WithDefault("20")
    int contractsPerSecond();

    /** The limit of an endpoint per second: per account for a signed one, per IP for the contracts list. */
    default int perSecond(BitgetEndpoint endpoint) {
        return switch (endpoint) {
            case SET_MARGIN_MODE -> setMarginModePerSecond();
            case ACCOUNT -> accountReadsPerSecond();
            case SET_LEVERAGE -> setLeveragePerSecond();
            case ACCOUNT_SETTINGS -> accountSettingsPerSecond();
            case FUTURES_SET_LEVERAGE -> futuresSetLeveragePerSecond();
            case SET_POSITION_MODE -> setPositionModePerSecond();
            case SET_HOLD_MODE -> setHoldModePerSecond();
            case CONTRACTS -> contractsPerSecond();
            case SERVER_TIME -> throw new IllegalArgumentException("the public server-time endpoint has no account limit");
        };
    }
}
