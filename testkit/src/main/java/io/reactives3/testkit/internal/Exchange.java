package io.reactives3.testkit.internal;

import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.RequestHead;
import java.net.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request/response exchange in progress on a proxied connection. It is begun when the request head arrives and
 * recorded in the {@link ExchangeLog} exactly once, by the first call to {@link #finish()}.
 */
final class Exchange {

    private final RequestHead head;
    private final boolean headRequest;
    private final boolean closesConnection;
    private final Fault fault;
    private final ExchangeLog log;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicLong requestBytes = new AtomicLong();
    private final AtomicLong responseBytes = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile int status;

    private Exchange(RequestHead head, boolean closesConnection, Fault fault, ExchangeLog log) {
        this.head = head;
        this.headRequest = head.method().equals("HEAD");
        this.closesConnection = closesConnection;
        this.fault = fault;
        this.log = log;
    }

    /**
     * Begins the exchange of a request whose head just arrived: counts it as in flight and claims the fault (if
     * any) that applies to it.
     *
     * @throws ProtocolException when the head is not a valid request head
     */
    static Exchange begin(MessageHead requestHead, FaultRules faults, ExchangeLog log)
            throws ProtocolException {
        RequestHead head = requestHead.toRequestHead();
        Fault fault = faults.claim(head);
        log.begin();
        return new Exchange(head, requestHead.closesConnection(), fault, log);
    }

    /** The request head as recorded. */
    RequestHead requestHead() {
        return head;
    }

    /** The fault applied to this exchange, or {@code null}. */
    Fault fault() {
        return fault;
    }

    /** Whether the request's action is {@code action}. */
    boolean hasFault(Fault.Action action) {
        return fault != null && fault.action() == action;
    }

    /** Whether the request method is HEAD (its response has no body). */
    boolean isHeadRequest() {
        return headRequest;
    }

    /** Whether the request asked to close the connection after this exchange. */
    boolean closesConnection() {
        return closesConnection;
    }

    /** How the response body must be altered on its way to the client. */
    BodyCopier.Alteration responseAlteration() {
        if (fault == null) {
            return BodyCopier.Alteration.NONE;
        }
        return switch (fault.action()) {
            case TRUNCATE_RESPONSE_BODY, RESET_AFTER_RESPONSE_BYTES -> BodyCopier.Alteration.truncate(fault.bytes());
            case CORRUPT_RESPONSE_BODY -> BodyCopier.Alteration.corrupt(fault.bytes());
            case LIMIT_BANDWIDTH -> BodyCopier.Alteration.throttle(fault.bytesPerSecond());
            default -> BodyCopier.Alteration.NONE;
        };
    }

    /** How the request body must be altered on its way to the server. */
    BodyCopier.Alteration requestAlteration() {
        if (fault == null) {
            return BodyCopier.Alteration.NONE;
        }
        return switch (fault.action()) {
            case RESET_AFTER_REQUEST_BYTES -> BodyCopier.Alteration.truncate(fault.bytes());
            case CORRUPT_REQUEST_BODY -> BodyCopier.Alteration.corrupt(fault.bytes());
            case LIMIT_BANDWIDTH -> BodyCopier.Alteration.throttle(fault.bytesPerSecond());
            default -> BodyCopier.Alteration.NONE;
        };
    }

    void addRequestBytes(long count) {
        requestBytes.addAndGet(count);
    }

    void addResponseBytes(long count) {
        responseBytes.addAndGet(count);
    }

    /** Notes the final status sent to the client. */
    void setStatus(int status) {
        this.status = status;
    }

    /** Records this exchange with what it has seen so far; later calls do nothing. */
    void finish() {
        if (finished.compareAndSet(false, true)) {
            Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
            log.finish(new RecordedRequest(head, status, requestBytes.get(), responseBytes.get(), startedAt,
                    duration, Optional.ofNullable(fault).map(Fault::toString)));
        }
    }
}
