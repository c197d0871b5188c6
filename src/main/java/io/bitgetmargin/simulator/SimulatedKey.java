package io.bitgetmargin.simulator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An API key the simulator accepts, with its secret and passphrase. A demo key requires {@code paptrading: 1}. */
@RegisterForReflection
public record SimulatedKey(String apiKey, String secretKey, String passphrase, Boolean demoTrading) {

    boolean isDemo() {
        return Boolean.TRUE.equals(demoTrading);
    }

    @Override
    public String toString() {
        return "SimulatedKey[apiKey=" + apiKey + "]";
    }
}
