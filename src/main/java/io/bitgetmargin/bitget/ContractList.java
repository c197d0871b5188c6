package io.bitgetmargin.bitget;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the contracts list, a JSON array read as a list: reading it as a Java array would need the array
 * type registered for reflection in the native executable, a list needs only {@link ContractData}.
 */
@RegisterForReflection
public record ContractList(List<ContractData> contracts) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContractList {
    }
}
