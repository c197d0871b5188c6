package io.bitgetmargin.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports with nothing listening, for tests of what the service does when a peer cannot be reached. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A loopback port that was free a moment ago and has nothing listening on it. */
    public static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
