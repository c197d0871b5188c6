package io.bitgetmargin.bitget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bitget's own per-account limits, which the edge keeps each account under (so that Bitget never answers 429). The
 * rate limiter's queueing and store are configured under the same prefix, in {@code RateLimitConfig}.
 */
@ConfigMapping(prefix = "bitget-margin.rate-limit")
public interface BitgetLimits {

    /** Set-margin-mode calls per second and account (Bitget: 5/s per UID). */
    @WithDefault("5")
    int setMarginModePerSecond();

    /** Account reads per second and account (Bitget: 10/s per UID). */
    @WithDefault("10")
    int accountReadsPerSecond();

    /** Set-leverage calls of a unified account per second (Bitget: 10/s per UID). */
    @WithDefault("10")
    int setLeveragePerSecond();

    /** Account-settings reads of a unified account per second (Bitget: 20/s per UID). */
    @WithDefault("20")
    int accountSettingsPerSecond();

    /** Classic set-leverage calls per second and account (Bitget: 5/s per UID). */
    @WithDefault("5")
    int futuresSetLeveragePerSecond();

    /** Classic set-position-mode calls per second and account (Bitget: 5/s per UID). */
    @WithDefault("5")
    int setPositionModePerSecond();

    /** Set-hold-mode calls of a unified account per second (Bitget: 10/s per UID). */
    @WithDefault("10")
    int setHoldModePerSecond();

    /** Reads of the public contracts list per second, for this service's IP (Bitget: 20/s per IP). */
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
