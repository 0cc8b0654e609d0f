package io.reactives3.testkit.internal;

import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.RequestLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 reverse proxy in front of an S3 server that records every exchange and can inject faults.
 *
 * <p>Bytes are forwarded verbatim, the {@code Host} header included, so SigV4 signatures made for the proxy's
 * endpoint still verify at the server. Every client connection gets its own upstream connection; keep-alive works on
 * both sides and {@code Expect: 100-continue} passes through. Two daemon threads named
 * {@code s3-recording-proxy-*} serve each connection with blocking I/O.
 *
 * <p><b>Recording.</b> Each exchange is recorded as a {@link RecordedRequest} when its response has ended, or when it
 * dies without one (status 0). It is recorded before the last bytes of the response reach the client, so a client
 * that has read a whole response finds the exchange in the {@link #requestLog()}. Body byte counts are as framed on the wire
 * (chunk framing included); the {@code authorization} signature is redacted.
 *
 * <p><b>Faults.</b> Rules are checked in the order they were added when a request head arrives; see
 * {@link Fault.Action} for what each does. Offsets of the response body faults count payload bytes (without chunk
 * framing). {@link Fault.Action#RESPOND RESPOND} answers with {@code Connection: close} and closes the connection
 * afterwards.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RecordingProxy.class.getName());
    private static final String THREAD_PREFIX = "s3-recording-proxy-";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final URI upstream;
    private final InetSocketAddress upstreamAddress;
    private final ServerSocket serverSocket;
    private final URI endpoint;
    private final ExchangeLog log = new ExchangeLog();
    private final FaultRules faults = new FaultRules();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;

    private RecordingProxy(URI upstream, InetSocketAddress upstreamAddress, ServerSocket serverSocket) {
        this.upstream = upstream;
        this.upstreamAddress = upstreamAddress;
        this.serverSocket = serverSocket;
        this.endpoint = URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
        this.acceptor = new Thread(this::acceptConnections, threadName() + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a proxy on 127.0.0.1 and a free port, forwarding to {@code upstream}.
     *
     * @param upstream the server, {@code http://host:port} (a path, if any, is ignored: request targets pass as sent)
     * @throws IllegalArgumentException when {@code upstream} is not an {@code http} URI with a host
     * @throws UncheckedIOException     when the listening socket cannot be opened
     */
    public static RecordingProxy start(URI upstream) {
        return start(upstream, 0);
    }

    /**
     * Starts a proxy on 127.0.0.1 and {@code port} (0 for a free port), forwarding to {@code upstream}.
     *
     * @param upstream the server, {@code http://host:port} (a path, if any, is ignored: request targets pass as sent)
     * @throws IllegalArgumentException when {@code upstream} is not an {@code http} URI with a host, or the port is
     *                                  out of range
     * @throws UncheckedIOException     when the port cannot be bound (for example because it is in use)
     */
    public static RecordingProxy start(URI upstream, int port) {
        if (upstream == null || !"http".equalsIgnoreCase(upstream.getScheme()) || upstream.getHost() == null) {
            throw new IllegalArgumentException("upstream must be an http://host:port URI, got " + upstream);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        int upstreamPort = upstream.getPort() == -1 ? 80 : upstream.getPort();
        InetSocketAddress upstreamAddress = new InetSocketAddress(upstream.getHost(), upstreamPort);
        try {
            ServerSocket serverSocket = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
            RecordingProxy proxy = new RecordingProxy(upstream, upstreamAddress, serverSocket);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the recording proxy on 127.0.0.1:" + port, e);
        }
    }

    /** The proxy's address, {@code http://127.0.0.1:<port>}; point clients here. */
    public URI endpoint() {
        return endpoint;
    }

    /** The server requests are forwarded to. */
    public URI upstream() {
        return upstream;
    }

    /** What the proxy has recorded; {@code clear()} forgets the recorded exchanges. */
    public RequestLog requestLog() {
        return log;
    }

    /** The faults the proxy injects; {@code clear()} stops them. */
    public Faults faults() {
        return faults;
    }

    /**
     * Stops accepting, closes every connection (recording exchanges in flight with what they have seen) and waits
     * for the proxy's threads, a few seconds at most. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            // the acceptor ends either way
        }
        try {
            acceptor.join(SHUTDOWN_TIMEOUT.toMillis());
            for (ProxyConnection connection : List.copyOf(connections)) {
                connection.shutdown(SHUTDOWN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List.copyOf(connections).forEach(ProxyConnection::close);
        }
    }

    @Override
    public String toString() {
        return "RecordingProxy[" + endpoint + " -> " + upstream + "]";
    }

    private void acceptConnections() {
        while (!closed.get()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    LOGGER.log(System.Logger.Level.WARNING, "recording proxy stopped accepting: " + this, e);
                }
                return;
            }
            String name = threadName() + "-" + connectionCount.incrementAndGet();
            try {
                ProxyConnection connection =
                        ProxyConnection.open(client, upstreamAddress, name, log, faults, connections::remove);
                connections.add(connection);
                if (closed.get()) {
                    connection.close();
                }
                if (connection.isClosed()) {
                    connections.remove(connection); // it may have closed before it was added
                }
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.WARNING,
                        String.format(Locale.ROOT, "recording proxy cannot reach %s; client connection closed",
                                upstream), e);
            }
        }
    }

    private String threadName() {
        return THREAD_PREFIX + serverSocket.getLocalPort();
    }
}
