package io.bitgetmargin.agent;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The agents' MCP endpoint at {@code /mcp}: behind the facade's own authentication, on unless turned off. */
@ConfigMapping(prefix = "bitget-margin.mcp")
public interface AgentConfig {

    /** Whether the agents' MCP endpoint at {@code /mcp} answers; {@code false} answers 404 there to everyone. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The browser origins (scheme, host and port, such as {@code https://desk.example.com}) whose pages may call
     * {@code /mcp}; a request with any other {@code Origin} is refused with 403 {@code ORIGIN_NOT_ALLOWED}. MCP clients
     * send no {@code Origin}; by default no browser page may call.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * The public URL of {@code /mcp} as agents reach it (behind a proxy or an ingress), named as the protected
     * resource in {@code /.well-known/oauth-protected-resource}; by default the URL the request came to.
     */
    Optional<String> resourceUrl();
}
