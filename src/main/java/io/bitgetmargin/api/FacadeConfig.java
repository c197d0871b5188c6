package io.bitgetmargin.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the facade's HTTP edge; who may call it is {@code security.TokensConfig}. */
@ConfigMapping(prefix = "bitget-margin")
public interface FacadeConfig {

    /**
     * The largest facade request body accepted, in bytes. A larger one, whether it declares its {@code Content-Length},
     * comes chunked, or is an HTTP/2 body without a length, is refused with 413 {@code REQUEST_TOO_LARGE} before it is
     * parsed. Also the ceiling of the server's other paths ({@code quarkus.http.limits.max-body-size}).
     */
    @WithDefault("8192")
    int maxRequestBytes();
}
