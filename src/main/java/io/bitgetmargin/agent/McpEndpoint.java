package io.bitgetmargin.agent;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.RoutingContext;

/**
 * Where the extension serves the agents' endpoint: its root path under the HTTP root path, {@code /mcp} by default.
 * Every check of this package keys on it, so that moving the endpoint cannot leave it unguarded.
 */
@ApplicationScoped
class McpEndpoint {

    private final String path;

    McpEndpoint(@ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRoot,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpRoot) {
        this.path = joined(httpRoot, mcpRoot);
    }

    static String joined(String httpRoot, String mcpRoot) {
        String root = httpRoot.endsWith("/") ? httpRoot.substring(0, httpRoot.length() - 1) : httpRoot;
        String own = mcpRoot.startsWith("/") ? mcpRoot : "/" + mcpRoot;
        return (root.startsWith("/") || root.isEmpty() ? root : "/" + root) + own;
    }

    /** The endpoint's path, {@code /mcp} unless the configuration moves it. */
    String path() {
        return path;
    }

    /** A request to the endpoint itself. */
    boolean is(RoutingContext context) {
        return context.normalizedPath().equals(path);
    }

    /** A request to the endpoint or below it (where the extension also serves its legacy SSE transport). */
    boolean covers(RoutingContext context) {
        String requested = context.normalizedPath();
        return requested.equals(path) || requested.startsWith(path + "/");
    }
}
