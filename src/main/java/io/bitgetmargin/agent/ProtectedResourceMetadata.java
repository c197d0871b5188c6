package io.bitgetmargin.agent;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bitgetmargin.security.JwtVerification;
import io.bitgetmargin.security.Scope;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The OAuth 2.0 protected-resource metadata of {@code /mcp} (RFC 9728), as the MCP authorization spec asks: which
 * authorization server issues the tokens it accepts (the JWTs' issuer, {@code mp.jwt.verify.issuer}) and which scopes
 * it knows. Served only where JWT callers are configured: with static tokens alone no server issues them, and the
 * path answers 404. At the well-known path and at its form with the resource's path (RFC 9728, section 3.1).
 */
@ApplicationScoped
class ProtectedResourceMetadata {

    static final String PATH = "/.well-known/oauth-protected-resource";

    private final AgentConfig config;
    private final McpEndpoint endpoint;
    private final JwtVerification jwt;
    private final Optional<String> issuer;
    private final ObjectMapper json;

    ProtectedResourceMetadata(AgentConfig config, McpEndpoint endpoint, JwtVerification jwt,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer, ObjectMapper json) {
        this.config = config;
        this.endpoint = endpoint;
        this.jwt = jwt;
        this.issuer = issuer;
        this.json = json;
    }

    /** The metadata as it is served. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(String resource, @JsonProperty("authorization_servers") List<String> authorizationServers,
            @JsonProperty("scopes_supported") List<String> scopesSupported,
            @JsonProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
            @JsonProperty("resource_name") String resourceName) {
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
        router.get(PATH + endpoint.path()).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        if (!config.enabled() || !jwt.configured()) {
            context.next();
            return;
        }
        Metadata metadata = new Metadata(config.resourceUrl().orElseGet(() -> McpGate.origin(context) + endpoint.path()),
                issuer.map(List::of).orElse(null), List.of(Scope.READ.wireName(), Scope.WRITE.wireName()),
                List.of("header"), "bitget-margin");
        try {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(metadata));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
