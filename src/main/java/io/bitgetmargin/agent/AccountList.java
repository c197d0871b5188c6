package io.bitgetmargin.agent;

import java.util.List;

import io.bitgetmargin.operation.AccountSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of {@code list_accounts}: a tool's structured content is a JSON object, not an array. */
@RegisterForReflection
public record AccountList(List<AccountSummary> accounts) {
}
