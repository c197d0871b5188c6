package io.bitgetmargin.bitget;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of a unified account's {@code POST /api/v3/account/set-hold-mode}: {@code one_way_mode} or {@code hedge_mode}
 * for the whole account, as it has no category field.
 */
@RegisterForReflection
public record SetHoldModeRequest(String holdMode) {
}
