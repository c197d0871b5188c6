package io.bitgetmargin.testing;

import java.net.URI;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.restassured.RestAssured;

/** The extension's MCP test client, pointed where RestAssured is: the service under test, packaged or on Lambda's mock. */
public final class Agents {

    private Agents() {
    }

    /** A streamable client that introduces itself as {@code name/version}. */
    public static McpStreamableTestClient.Builder client(String name, String version) {
        return McpAssured.newStreamableClient().setName(name).setVersion(version).setBaseUri(serviceUri());
    }

    /** The service under test. */
    public static URI serviceUri() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    }
}
