package io.bitgetmargin.agent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Lets any instance serve any agent: no MCP session is held in memory between requests.
 * <p>
 * The extension (1.13.0) keeps each session in the memory of the instance that answered {@code initialize}, and
 * answers 404 to a request for a session it does not hold; behind a load balancer without affinity (Knative has none)
 * an agent's second request usually lands elsewhere. The protocol lets a server keep no session state, but this
 * version has no such mode. So the session id handed out is a token that carries all the session holds that this
 * service uses: the agent's client name and version, which its audit lines name. On every later request the token is
 * read here and taken off, and the extension serves the request on a connection of its own for that request alone
 * ({@code quarkus.mcp.server.http.streamable.auto-init}), removed once answered. {@code notifications/initialized},
 * which such a connection cannot take in this version, is acknowledged here (202). There is no standalone SSE stream
 * to open or session to delete: GET and DELETE answer 405, which the spec allows and clients expect.
 * <p>
 * Who the caller is never comes from the token: every request carries its credentials, checked by {@link McpGate}.
 */
@ApplicationScoped
class StatelessSessions {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Where the request's {@link Client} is kept on its {@link RoutingContext}. */
    static final String CLIENT_KEY = StatelessSessions.class.getName() + ".client";
    private static final String TOKEN_PREFIX = "s1.";
    /** The longest client name or version an audit line repeats. */
    private static final int MOST_CHARS = 64;

    /** The agent's MCP client, as it introduced itself in {@code initialize}. */
    record Client(String name, String version) {

        Client {
            name = bounded(name);
            version = bounded(version);
        }

        /** {@code name/version}, as audit lines name the client. */
        String label() {
            return name == null ? null : version == null ? name : name + "/" + version;
        }
    }

    private final ConnectionManager connections;
    private final BodyHandler bodies;

    StatelessSessions(ConnectionManager connections,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.connections = connections;
        // Read here, before the extension's route, to see which message it is; nothing is written to disk.
        this.bodies = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
    }

    void register(@Observes Filters filters) {
        filters.register(this::readBody, McpGate.PRIORITY - 1);
        filters.register(this::carry, McpGate.PRIORITY - 2);
    }

    /** The client of the request being served; null when it named none. */
    static Client clientOf(RoutingContext context) {
        return context == null ? null : context.get(CLIENT_KEY);
    }

    private void readBody(RoutingContext context) {
        if (isMcpPost(context)) {
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    private static boolean isMcpPost(RoutingContext context) {
        return context.normalizedPath().equals(McpGate.PATH) && context.request().method() == HttpMethod.POST;
    }

    private void carry(RoutingContext context) {
        if (!context.normalizedPath().equals(McpGate.PATH)) {
            context.next();
            return;
        }
        if (context.request().method() == HttpMethod.GET || context.request().method() == HttpMethod.DELETE) {
            context.response().setStatusCode(405).putHeader("Allow", "POST").end();
            return;
        }
        if (context.request().method() != HttpMethod.POST) {
            context.next();
            return;
        }
        String token = context.request().getHeader(SESSION_HEADER);
        if (token != null) {
            Client client = decode(token);
            if (client == null) {
                // Not a session this service handed out: the spec has the client start a new one.
                context.response().setStatusCode(404).end();
                return;
            }
            context.put(CLIENT_KEY, client);
            context.request().headers().remove(SESSION_HEADER);
        }
        JsonObject message = singleMessage(context);
        String method = message == null ? null : message.getString("method");
        if ("notifications/initialized".equals(method) && !message.containsKey("id")) {
            context.response().setStatusCode(202).end();
            return;
        }
        if ("initialize".equals(method)) {
            handOutToken(context, message);
        }
        context.next();
    }

    /** Answers {@code initialize} with a token in place of the extension's session, which is removed once answered. */
    private void handOutToken(RoutingContext context, JsonObject initialize) {
        JsonObject params = initialize.getValue("params") instanceof JsonObject object ? object : new JsonObject();
        JsonObject info = params.getValue("clientInfo") instanceof JsonObject object ? object : new JsonObject();
        Client client = new Client(text(info.getValue("name")), text(info.getValue("version")));
        context.put(CLIENT_KEY, client);
        String[] held = new String[1];
        context.addHeadersEndHandler(ignored -> {
            held[0] = context.response().headers().get(SESSION_HEADER);
            if (held[0] != null) {
                context.response().headers().set(SESSION_HEADER, encode(client));
            }
        });
        context.addEndHandler(ignored -> {
            if (held[0] != null) {
                connections.remove(held[0]);
            }
        });
    }

    private static JsonObject singleMessage(RoutingContext context) {
        try {
            return context.body().asJsonObject();
        } catch (RuntimeException notOneObject) {
            return null; // a batch, or not JSON: the extension answers it
        }
    }

    static String encode(Client client) {
        String claims = new JsonObject().put("n", client.name()).put("v", client.version()).encode();
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    /** The client a token carries; null when it is not one of ours. */
    static Client decode(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return null;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(TOKEN_PREFIX.length())),
                    StandardCharsets.UTF_8));
            return new Client(text(claims.getValue("n")), text(claims.getValue("v")));
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String string ? string : null;
    }

    /** At most {@value #MOST_CHARS} printable characters; null when none is left. */
    private static String bounded(String text) {
        if (text == null) {
            return null;
        }
        String printable = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .limit(MOST_CHARS).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return printable.isEmpty() ? null : printable;
    }
}
