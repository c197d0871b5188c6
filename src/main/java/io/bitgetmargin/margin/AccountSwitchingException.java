package io.bitgetmargin.margin;

import java.time.Duration;

/**
 * Bitget reports the account as {@code upgrading} or {@code switching}: it is moving between the classic and the
 * unified type, and neither API can be trusted to change anything until it is done.
 */
public class AccountSwitchingException extends RuntimeException {

    /** Bitget says nothing of how long a move takes; half a minute keeps callers from hammering meanwhile. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public AccountSwitchingException(String accountMode) {
        super("Bitget reports the account as '" + accountMode + "': it is moving between the classic and the unified "
                + "account type, and its margin modes cannot be read or changed until that is done", null, false, false);
    }
}
