package io.bitgetmargin.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the facade's HTTP edge; who may call it is {@code security.TokensConfig}. */
@ConfigMapping(prefix = "bitget-margin")
public interface FacadeConfig {

    /**
     * Largest facade request body accepted, in bytes, with a {@code Content-Length} or chunked; larger bodies are
     * refused with 413 before they are parsed ({@link FacadeBodyLimit}).
     */
    @WithDefault("8192")
    int maxRequestBytes();
}
