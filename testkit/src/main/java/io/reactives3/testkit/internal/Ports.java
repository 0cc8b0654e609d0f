package io.reactives3.testkit.internal;

import io.reactives3.testkit.TargetStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers for servers that cannot bind port 0 themselves. */
final class Ports {

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetStartException("cannot find a free loopback port: " + e.getMessage(), e);
        }
    }

    /** {@code requested} if non-zero and free, a free port if zero; otherwise a clear error naming {@code what}. */
    static int freeOrRequested(int requested, String what) {
        if (requested == 0) {
            return freePort();
        }
        requireFree(requested, what);
        return requested;
    }

    /** Fails with a clear message when {@code port} is already taken on 127.0.0.1. */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new TargetStartException("cannot start " + what + " on 127.0.0.1:" + port
                    + ": the port is already in use (choose another port, or 0 for any free port)", e);
        }
    }
}
