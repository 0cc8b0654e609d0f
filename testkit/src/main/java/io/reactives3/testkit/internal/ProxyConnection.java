package io.reactives3.testkit.internal;

import io.reactives3.testkit.Fault;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection of a {@link RecordingProxy} and the upstream connection opened for it, with two daemon
 * threads pumping bytes: the request pump (client to upstream) and the response pump (upstream to client).
 *
 * <p>Each pump parses just enough HTTP/1.1 to find where messages end; bytes are forwarded unchanged unless a fault
 * says otherwise. Responses are matched to requests first in, first out. Whatever ends the connection (either side
 * closing, {@code Connection: close}, an I/O error, a fault, {@link #close()}) closes both sockets and records the
 * exchanges still waiting for a response.
 *
 * <p>An exchange is recorded before the last bytes of its response are flushed to the client, so a client that has
 * read a whole response always finds it in the log: the output buffers are larger than any single write, so nothing
 * reaches the client before an explicit flush or while more of the same message is still to come.
 */
final class ProxyConnection {

    private static final System.Logger LOGGER = System.getLogger(ProxyConnection.class.getName());
    private static final int OUTPUT_BUFFER_SIZE = 2 * HttpInput.BUFFER_SIZE;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int LINGER_MILLIS = 1_000;

    private final Socket client;
    private final Socket upstream;
    private final BufferedOutputStream toClient;
    private final BufferedOutputStream toUpstream;
    private final HttpInput fromClient;
    private final HttpInput fromUpstream;
    private final byte[] requestBuffer = new byte[HttpInput.BUFFER_SIZE];
    private final byte[] responseBuffer = new byte[HttpInput.BUFFER_SIZE];
    private final ExchangeLog log;
    private final FaultRules faults;
    private final Consumer<ProxyConnection> onClose;
    private final Deque<Exchange> awaitingResponse = new ArrayDeque<>(); // guarded by this
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Thread requestPump;
    private final Thread responsePump;

    private ProxyConnection(Socket client, Socket upstream, String threadName, ExchangeLog log, FaultRules faults,
                            Consumer<ProxyConnection> onClose) throws IOException {
        this.client = client;
        this.upstream = upstream;
        this.toClient = new BufferedOutputStream(client.getOutputStream(), OUTPUT_BUFFER_SIZE);
        this.toUpstream = new BufferedOutputStream(upstream.getOutputStream(), OUTPUT_BUFFER_SIZE);
        this.fromClient = new HttpInput(client.getInputStream(), toUpstream);
        this.fromUpstream = new HttpInput(upstream.getInputStream(), toClient);
        this.log = log;
        this.faults = faults;
        this.onClose = onClose;
        this.requestPump = daemonThread(this::pumpRequests, threadName + "-requests");
        this.responsePump = daemonThread(this::pumpResponses, threadName + "-responses");
    }

    /**
     * Connects to {@code upstreamAddress} for the accepted {@code client} and starts pumping.
     *
     * @param threadName prefix of the two pump threads' names
     * @param onClose    called once when the connection has closed
     * @throws IOException when the upstream connection fails; {@code client} is closed then
     */
    static ProxyConnection open(Socket client, InetSocketAddress upstreamAddress, String threadName,
                                ExchangeLog log, FaultRules faults, Consumer<ProxyConnection> onClose)
            throws IOException {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(upstreamAddress, CONNECT_TIMEOUT_MILLIS);
            ProxyConnection connection = new ProxyConnection(client, upstream, threadName, log, faults, onClose);
            connection.requestPump.start();
            connection.responsePump.start();
            return connection;
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            throw e;
        }
    }

    /**
     * Closes both sockets and records the exchanges still waiting for a response. Idempotent; the pumps end soon
     * after.
     */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(client);
        closeQuietly(upstream);
        List<Exchange> unanswered;
        synchronized (this) {
            unanswered = List.copyOf(awaitingResponse);
            awaitingResponse.clear();
            notifyAll();
        }
        unanswered.forEach(Exchange::finish);
        closedLatch.countDown();
        onClose.accept(this);
    }

    /** Whether {@link #close()} has run. */
    boolean isClosed() {
        return closed.get();
    }

    /** Closes the connection, interrupts its pumps (ending a fault's delay), waits up to {@code timeout} for them. */
    void shutdown(Duration timeout) throws InterruptedException {
        close();
        requestPump.interrupt();
        responsePump.interrupt();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread pump : List.of(requestPump, responsePump)) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (pump != Thread.currentThread()) {
                pump.join(remainingMillis);
            }
        }
    }

    // ---- client to upstream ----

    private void pumpRequests() {
        Exchange current = null;
        try {
            while (true) {
                MessageHead head = MessageHead.read(fromClient);
                if (head == null) {
                    clientStoppedSending();
                    return;
                }
                current = Exchange.begin(head, faults, log);
                if (current.hasFault(Fault.Action.RESET_CONNECTION)) {
                    resetClient(current);
                    return;
                }
                if (current.hasFault(Fault.Action.RESPOND) || current.hasFault(Fault.Action.REDIRECT)) {
                    respondInstead(current, head);
                    return;
                }
                if (current.hasFault(Fault.Action.HANG)) {
                    hang(current, head);
                    return;
                }
                if (current.hasFault(Fault.Action.DELAY)) {
                    Thread.sleep(current.fault().delay().toMillis());
                }
                if (!forward(current, head)) {
                    resetClient(current); // the request body was cut short by the fault
                    current = null;
                    return;
                }
                current = null;
                if (head.closesConnection()) {
                    return; // the response pump closes the connection after the response
                }
            }
        } catch (IOException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "recording proxy request pump failed", e);
            close();
        } finally {
            if (current != null) {
                current.finish();
            }
        }
    }

    /** Forwards a request; returns {@code false} when a fault cut its body short (nothing more may follow). */
    private boolean forward(Exchange exchange, MessageHead head) throws IOException {
        BodyFraming framing = BodyFraming.ofRequest(head);
        synchronized (this) {
            awaitingResponse.add(exchange);
        }
        // the head goes out before the body arrives: reading the body flushes it, so 100-continue works
        toUpstream.write(head.raw());
        boolean complete = new BodyCopier(fromClient, toUpstream, requestBuffer, exchange::addRequestBytes,
                exchange.requestAlteration()).copy(framing);
        toUpstream.flush();
        return complete;
    }

    /**
     * Reads the request body (unless the client waits for {@code 100 Continue}, which it never gets), forwards
     * nothing and answers nothing: waits until the client closes its side, or until the connection is closed.
     */
    private void hang(Exchange exchange, MessageHead head) throws IOException {
        if (!head.expectsContinue()) {
            new BodyCopier(fromClient, OutputStream.nullOutputStream(), requestBuffer, exchange::addRequestBytes,
                    BodyCopier.Alteration.NONE).copy(BodyFraming.ofRequest(head));
        }
        fromClient.skipToEnd(); // blocks until the client leaves or close() closes the socket
        close();
    }

    /** The client closed its side between requests. */
    private void clientStoppedSending() throws IOException {
        boolean idle;
        synchronized (this) {
            idle = awaitingResponse.isEmpty();
        }
        if (idle) {
            close();
        } else {
            upstream.shutdownOutput(); // let the server answer what it has, then close
        }
    }

    private void resetClient(Exchange exchange) throws IOException {
        exchange.finish();
        client.setSoLinger(true, 0);
        close();
    }

    /**
     * Ends the connection cleanly after a cut-short response: a FIN towards the client (it reads the end of the
     * stream, not a reset), then waits a little for the client to close its side before closing both sockets.
     */
    private void finishClientCleanly() {
        try {
            client.shutdownOutput();
            closeQuietly(upstream);
            closedLatch.await(LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Answers with the fault's S3 error instead of forwarding, then closes the connection. The request body is
     * drained first unless the client waits for {@code 100 Continue}, which it then never gets.
     */
    private void respondInstead(Exchange exchange, MessageHead head) throws IOException, InterruptedException {
        if (!head.expectsContinue()) {
            new BodyCopier(fromClient, OutputStream.nullOutputStream(), requestBuffer, exchange::addRequestBytes,
                    BodyCopier.Alteration.NONE).copy(BodyFraming.ofRequest(head));
        }
        awaitEarlierResponses();
        Fault fault = exchange.fault();
        String location = fault.action() != Fault.Action.REDIRECT ? null
                : fault.message() + exchange.requestHead().path()
                + (exchange.requestHead().query().isEmpty() ? "" : "?" + exchange.requestHead().query());
        ErrorResponse response = ErrorResponse.render(fault.status(), fault.code(),
                location == null ? null : "redirected to " + location, exchange.isHeadRequest(), true, location);
        exchange.setStatus(fault.status());
        exchange.addResponseBytes(response.bodyBytes());
        exchange.finish();
        toClient.write(response.bytes());
        toClient.flush();
        closeAfterClientLeaves();
    }

    /** Waits until every forwarded request has had its response written (only matters to pipelining clients). */
    private synchronized void awaitEarlierResponses() throws InterruptedException, SocketException {
        while (!awaitingResponse.isEmpty()) {
            if (closed.get()) {
                throw new SocketException("connection closed");
            }
            wait();
        }
    }

    /**
     * Half-closes towards the client and reads until it closes too (at most {@link #LINGER_MILLIS} of silence), so
     * that unread request bytes cannot turn the close into a reset that destroys the response in flight.
     */
    private void closeAfterClientLeaves() {
        try {
            client.shutdownOutput();
            client.setSoTimeout(LINGER_MILLIS);
            fromClient.skipToEnd();
        } catch (IOException e) {
            // timed out or reset: close anyway
        } finally {
            close();
        }
    }

    // ---- upstream to client ----

    private void pumpResponses() {
        try {
            boolean open = true;
            while (open) {
                MessageHead head = MessageHead.read(fromUpstream);
                if (head == null) {
                    return; // the server closed the connection
                }
                int status = head.statusCode();
                if (status >= 100 && status < 200 && status != 101) {
                    toClient.write(head.raw()); // interim response such as 100 Continue
                    toClient.flush();
                    continue;
                }
                Exchange exchange = oldestAwaitingResponse();
                open = exchange == null ? forwardUnsolicited(head, status) : forwardResponse(exchange, head, status);
            }
        } catch (IOException e) {
            // either side failed; close() below records what is left
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "recording proxy response pump failed", e);
        } finally {
            close();
        }
    }

    /** Forwards the final response of {@code exchange}; returns whether the connection stays open. */
    private boolean forwardResponse(Exchange exchange, MessageHead head, int status) throws IOException {
        BodyFraming framing = BodyFraming.ofResponse(head, status, exchange.isHeadRequest());
        if (exchange.hasFault(Fault.Action.RESPOND_OK_WITH_ERROR)) {
            return replaceWithOkError(exchange, head, framing);
        }
        if (exchange.hasFault(Fault.Action.DROP_RESPONSE)) {
            new BodyCopier(fromUpstream, OutputStream.nullOutputStream(), responseBuffer, count -> { },
                    BodyCopier.Alteration.NONE).copy(framing);
            responseWritten(exchange);
            client.setSoLinger(true, 0);
            close();
            return false;
        }
        if (exchange.hasFault(Fault.Action.DELAY_RESPONSE)) {
            sleep(exchange.fault().delay());
        }
        exchange.setStatus(status);
        toClient.write(head.raw());
        boolean complete = new BodyCopier(fromUpstream, toClient, responseBuffer, exchange::addResponseBytes,
                exchange.responseAlteration()).copy(framing);
        responseWritten(exchange);
        toClient.flush();
        if (!complete) {
            if (exchange.hasFault(Fault.Action.RESET_AFTER_RESPONSE_BYTES)) {
                client.setSoLinger(true, 0);
                close();
            } else {
                finishClientCleanly();
            }
            return false;
        }
        return framing.kind() != BodyFraming.Kind.UNTIL_CLOSE
                && status != 101
                && !head.closesConnection()
                && !exchange.closesConnection();
    }

    /**
     * Reads and drops the server's response, and answers {@code 200 OK} with the fault's S3 error document
     * instead; returns whether the connection stays open.
     */
    private boolean replaceWithOkError(Exchange exchange, MessageHead head, BodyFraming framing) throws IOException {
        boolean complete = new BodyCopier(fromUpstream, OutputStream.nullOutputStream(), responseBuffer, count -> { },
                BodyCopier.Alteration.NONE).copy(framing);
        boolean open = complete
                && framing.kind() != BodyFraming.Kind.UNTIL_CLOSE
                && !head.closesConnection()
                && !exchange.closesConnection();
        Fault fault = exchange.fault();
        ErrorResponse response = ErrorResponse.render(200, fault.code(), fault.message(), exchange.isHeadRequest(),
                !open);
        exchange.setStatus(200);
        exchange.addResponseBytes(response.bodyBytes());
        toClient.write(response.bytes());
        responseWritten(exchange);
        toClient.flush();
        return open;
    }

    private static void sleep(Duration duration) throws InterruptedIOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while delaying a response");
        }
    }

    /** Forwards a response nobody asked for (a server's goodbye, typically), then closes. */
    private boolean forwardUnsolicited(MessageHead head, int status) throws IOException {
        toClient.write(head.raw());
        new BodyCopier(fromUpstream, toClient, responseBuffer, count -> { }, BodyCopier.Alteration.NONE)
                .copy(BodyFraming.ofResponse(head, status, false));
        toClient.flush();
        return false;
    }

    private synchronized Exchange oldestAwaitingResponse() {
        return awaitingResponse.peekFirst();
    }

    private void responseWritten(Exchange exchange) {
        synchronized (this) {
            awaitingResponse.remove(exchange);
            notifyAll();
        }
        exchange.finish();
    }

    // ---- helpers ----

    private static Thread daemonThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
