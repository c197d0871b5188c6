package io.bitgetmargin.setup;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One setting of a symbol setup, in the order Bitget needs them: position mode, margin mode, leverage. {@code from}
 * and {@code to} are Bitget's values as text ({@code hedge_mode}, {@code crossed}, {@code 20}); {@code from} is null
 * when the symbol was never read. {@code bitgetCode} is set on the step Bitget refused.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetupStep(Setting setting, String from, String to, StepOutcome outcome, String bitgetCode) {

    SetupStep with(StepOutcome newOutcome) {
        return new SetupStep(setting, from, to, newOutcome, bitgetCode);
    }

    SetupStep failed(String code) {
        return new SetupStep(setting, from, to, StepOutcome.FAILED, code);
    }

    boolean needsChange() {
        return from == null || !from.equals(to);
    }
}
