package io.bitgetmargin.agent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
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
 * service uses: the agent's client name and version, which its audit lines name (and a random part, so that two
 * agents of one client do not share an id). On every later request the token is read here and taken off, and the
 * extension serves the request on a connection of its own for that request alone
 * ({@code quarkus.mcp.server.http.streamable.auto-init}), removed once answered.
 * <p>
 * The extension creates that connection before it reads the message, and removes it only when it serves a request;
 * so whatever it would not serve is answered here first: a body that is not one JSON-RPC message (batches were
 * dropped from the protocol in 2025-06-18), an unknown protocol version, and the client's notifications and
 * responses, which need nothing from a server that keeps no session (202). The connection {@code initialize} opens
 * is removed once answered, or once its caller is gone. There is no standalone SSE stream to open or session to
 * delete: any method but POST answers 405, which the spec allows and clients expect.
 * <p>
 * Who the caller is never comes from the token: every request carries its credentials, checked by {@link McpGate}.
 */
@ApplicationScoped
class StatelessSessions {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** After {@link McpGate}'s authentication, and after the body is read one step before. */
    static final int PRIORITY = McpGate.PRIORITY - 2;
    /** Where the request's {@link Client} and message are kept on its {@link RoutingContext}. */
    private static final String CLIENT_KEY = StatelessSessions.class.getName() + ".client";
    private static final String MESSAGE_KEY = StatelessSessions.class.getName() + ".message";
    private static final String TOKEN_PREFIX = "s1.";
    /** The longest client name or version an audit line repeats. */
    private static final int MOST_CHARS = 64;
    /** The revisions the extension 1.13.0 speaks. */
    private static final Set<String> PROTOCOL_VERSIONS = Set.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    private static final SecureRandom RANDOM = new SecureRandom();

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

    private final McpEndpoint endpoint;
    private final ConnectionManager connections;
    private final BodyHandler bodies;

    StatelessSessions(McpEndpoint endpoint, ConnectionManager connections,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.endpoint = endpoint;
        this.connections = connections;
        // Read here, before the extension's route, to see which message it is; nothing is written to disk.
        this.bodies = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
    }

    void register(@Observes Filters filters) {
        filters.register(this::readBody, PRIORITY + 1);
        filters.register(this::carry, PRIORITY);
    }

    /** The client of the request being served; null when it named none. */
    static Client clientOf(RoutingContext context) {
        return context == null ? null : context.get(CLIENT_KEY);
    }

    /** The one JSON-RPC message of the request being served, once {@link #carry} has read it; else null. */
    static JsonObject messageOf(RoutingContext context) {
        return context.get(MESSAGE_KEY);
    }

    private void readBody(RoutingContext context) {
        if (endpoint.is(context) && context.request().method() == HttpMethod.POST) {
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    private void carry(RoutingContext context) {
        if (!endpoint.is(context)) {
            context.next();
            return;
        }
        if (context.request().method() != HttpMethod.POST) {
            context.response().setStatusCode(405).putHeader("Allow", "POST").end();
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
        String version = context.request().getHeader("Mcp-Protocol-Version");
        if (version != null && !PROTOCOL_VERSIONS.contains(version)) {
            refuse(context, -32600, "Unsupported Mcp-Protocol-Version " + version + "; this server speaks "
                    + String.join(", ", PROTOCOL_VERSIONS.stream().sorted().toList()));
            return;
        }
        Object body;
        try {
            body = Json.decodeValue(context.body().buffer());
        } catch (RuntimeException notJson) {
            refuse(context, -32700, "The body is not JSON");
            return;
        }
        if (!(body instanceof JsonObject message)) {
            refuse(context, -32600, "Send one JSON-RPC message per request (batches are not part of the protocol)");
            return;
        }
        context.put(MESSAGE_KEY, message);
        Object method = message.getValue("method");
        if (!(method instanceof String) || !message.containsKey("id")) {
            // A notification or a response: nothing to keep or answer without a session.
            context.response().setStatusCode(202).end();
            return;
        }
        if ("initialize".equals(method)) {
            handOutToken(context, message);
        }
        context.next();
    }

    /** A JSON-RPC error answered with 400, the message unread by the extension. */
    private static void refuse(RoutingContext context, int code, String why) {
        context.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("jsonrpc", "2.0").putNull("id")
                        .put("error", new JsonObject().put("code", code).put("message", why)).encode());
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
        // Also when the caller left before the answer's head was written: the extension's id is then still unsent.
        context.addEndHandler(ended -> {
            String opened = held[0] != null ? held[0] : context.response().headers().get(SESSION_HEADER);
            if (opened != null && !opened.startsWith(TOKEN_PREFIX)) {
                connections.remove(opened);
            }
        });
    }

    static String encode(Client client) {
        byte[] unique = new byte[12];
        RANDOM.nextBytes(unique);
        String claims = new JsonObject().put("n", client.name()).put("v", client.version())
                .put("u", Base64.getUrlEncoder().withoutPadding().encodeToString(unique)).encode();
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
