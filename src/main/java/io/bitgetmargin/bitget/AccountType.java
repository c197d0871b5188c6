package io.bitgetmargin.bitget;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The two kinds of Bitget account, which answer on different APIs: a classic account on the v2 futures endpoints
 * ({@code /api/v2/mix/...}), a unified trading account (UTA) on the v3 ones ({@code /api/v3/...}). Each refuses the
 * other's API: a unified key gets 40085 from v2, a classic key 40084 from v3.
 */
public enum AccountType {
    CLASSIC,
    UNIFIED;

    /** {@code classic} or {@code unified}, in answers, metrics and readiness. */
    @JsonValue
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a refusal of the other API proves: 40085 (unified key on v2) or 40084 (classic key on v3). */
    static AccountType provenBy(String bitgetCode) {
        return switch (String.valueOf(bitgetCode)) {
            case "40085" -> UNIFIED;
            case "40084" -> CLASSIC;
            default -> null;
        };
    }
}
