package io.bitgetmargin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A facade caller on a plain socket, which sends its whole request and then hangs up without reading the answer:
 * the connection closes as when a bot is killed or a client gives up.
 */
public final class HangingUpCaller implements AutoCloseable {

    private final Socket socket;

    private HangingUpCaller(Socket socket) {
        this.socket = socket;
    }

    /** Sends {@code PUT path} with a JSON body, the default test token and {@code requestId}; does not read. */
    public static HangingUpCaller put(int port, String path, String requestId, String json) throws IOException {
        return put(port, path, TestAccounts.TOKEN, null, requestId, json);
    }

    /** Sends {@code PUT path} with a JSON body, a bearer, an {@code X-Bitget-Account} (null: none) and {@code requestId}. */
    public static HangingUpCaller put(int port, String path, String bearer, String account, String requestId, String json)
            throws IOException {
        return send(port, "PUT " + path, bearer, account == null ? "" : "X-Bitget-Account: " + account + "\r\n",
                requestId, json);
    }

    /** An agent's call: {@code POST /mcp} with one JSON-RPC message, the default test token and {@code requestId}. */
    public static HangingUpCaller mcp(int port, String requestId, String json) throws IOException {
        return send(port, "POST /mcp", TestAccounts.TOKEN, "Accept: application/json, text/event-stream\r\n", requestId,
                json);
    }

    private static HangingUpCaller send(int port, String request, String bearer, String headers, String requestId,
            String json) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = request + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + bearer + "\r\n"
                + headers
                + "X-Request-Id: " + requestId + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return new HangingUpCaller(socket);
    }

    /** Hangs up. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
