package io.bitgetmargin.simulator;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/**
 * How the embedded simulator of dev and test builds treats the configured accounts. Every configured key is
 * accepted; an account configured {@code unified} is a unified trading account there, and so is each one named here
 * (an {@code auto} account that should be learnt as unified, like dev mode's {@code uta-desk}).
 */
@ConfigMapping(prefix = "bitget-margin.simulator")
public interface SimulatorConfig {

    /**
     * Dev and test builds only: the accounts ({@code default}, or a name under {@code bitget.accounts}) whose keys the
     * embedded simulator treats as unified trading accounts, besides those configured {@code unified}.
     */
    Optional<Set<String>> unifiedAccounts();
}
