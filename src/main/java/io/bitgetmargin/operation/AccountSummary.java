package io.bitgetmargin.operation;

import io.bitgetmargin.bitget.AccountType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Bitget account as a caller may see it: its name (what {@code X-Bitget-Account} or a tool's {@code account}
 * takes; {@code default} for the default account), its type ({@code classic} or {@code unified}; null while an
 * {@code auto} account has not yet been seen by Bitget) and whether it trades on Bitget's demo environment. Never a key.
 */
@RegisterForReflection
public record AccountSummary(String name, AccountType accountType, boolean demoTrading) {
}
