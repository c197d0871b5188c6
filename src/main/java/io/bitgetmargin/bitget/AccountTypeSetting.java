package io.bitgetmargin.bitget;

/**
 * What an account is configured as ({@code bitget.account-type}, {@code bitget.accounts.<name>.account-type}):
 * {@code auto} learns the type from Bitget's answers, at no cost to classic accounts (they are tried first);
 * {@code classic} and {@code unified} fix it, and a contradicting answer from Bitget is then an error that names the
 * setting.
 */
public enum AccountTypeSetting {
    AUTO,
    CLASSIC,
    UNIFIED;

    /** The fixed type, or null for {@code auto}. */
    AccountType fixed() {
        return switch (this) {
            case AUTO -> null;
            case CLASSIC -> AccountType.CLASSIC;
            case UNIFIED -> AccountType.UNIFIED;
        };
    }
}
