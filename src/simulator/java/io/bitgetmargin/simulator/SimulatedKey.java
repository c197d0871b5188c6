package io.bitgetmargin.simulator;

/**
 * An API key the simulator accepts, with its secret and passphrase. A demo key requires {@code paptrading: 1}. A key
 * of a unified trading account ({@code accountType} {@code unified}; classic when absent) answers 40085 on the classic
 * endpoints and has the account-wide settings of a unified account: {@code accountMode} ({@code unified} by default;
 * {@code upgrading} or {@code switching} while Bitget moves it), {@code accountLevel} ({@code advanced} by default;
 * {@code isolated} allows isolated margin only) and {@code holdMode} ({@code one_way_mode} or {@code hedge_mode}).
 */
public record SimulatedKey(String apiKey, String secretKey, String passphrase, Boolean demoTrading, String accountType,
        String accountMode, String accountLevel, String holdMode) {

    /** A classic key. */
    public SimulatedKey(String apiKey, String secretKey, String passphrase, Boolean demoTrading) {
        this(apiKey, secretKey, passphrase, demoTrading, null, null, null, null);
    }

    /** This key under another name, with its settings completed by the defaults. */
    SimulatedKey named(String name) {
        return new SimulatedKey(name, secretKey, passphrase, demoTrading, accountType == null ? "classic" : accountType,
                accountMode == null ? "unified" : accountMode, accountLevel == null ? "advanced" : accountLevel,
                holdMode == null ? "one_way_mode" : holdMode);
    }

    boolean isDemo() {
        return Boolean.TRUE.equals(demoTrading);
    }

    boolean isUnified() {
        return "unified".equals(accountType);
    }

    @Override
    public String toString() {
        return "SimulatedKey[apiKey=" + apiKey + ", accountType=" + accountType + "]";
    }
}
