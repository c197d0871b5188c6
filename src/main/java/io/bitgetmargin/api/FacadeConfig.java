package io.bitgetmargin.api;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the facade itself. */
@ConfigMapping(prefix = "bitget-margin")
public interface FacadeConfig {

    /**
     * Bearer tokens accepted on the facade, comma-separated ({@code BITGET_MARGIN_API_TOKENS}). Compared in constant
     * time; never logged.
     */
    Optional<List<String>> apiTokens();

    /** Facade authentication. */
    Auth auth();

    /** Largest request body accepted, in bytes; larger bodies are refused with 400 before they are parsed. */
    @WithDefault("8192")
    int maxRequestBytes();

    interface Auth {
        /**
         * {@code false} switches bearer-token checks off, for a deployment that authenticates callers in front of
         * the service. Must be set on purpose: in production the service refuses to start without tokens otherwise.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
