package io.reactives3.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A fault the recording proxy injects into matching exchanges. Build one with {@link #on(Predicate)} or
 * {@link #onOperation(String)}, choose what happens, and add it with {@link Faults#add(Fault)}.
 *
 * <pre>{@code
 * target.faults().add(Fault.onOperation("UploadPart").slowDown().times(2));
 * target.faults().add(Fault.onOperation("GetObject").truncateResponseBody(1000).times(1));
 * target.faults().add(Fault.onOperation("GetObject").limitBandwidth(256 * 1024));
 * target.faults().add(Fault.onOperation("UploadPart").resetAfterRequestBytes(64 * 1024).times(1));
 * target.faults().add(Fault.onOperation("CompleteMultipartUpload").respondOkWithError("InternalError", "late"));
 * target.faults().add(Fault.onOperation("HeadObject").hang().times(1));
 * }</pre>
 *
 * <p>A fault has one action; the builder methods that choose an action replace the previous one, while
 * {@link #skip(int)} and {@link #times(int)} keep it. Offsets and byte counts of body faults count the message
 * payload as sent on the wire without HTTP chunk framing; an {@code aws-chunked} upload body (the SDK's trailing
 * checksums) is counted with its {@code aws-chunked} framing, which is part of the HTTP payload.
 *
 * @param matcher        which requests the fault applies to (evaluated on the request head)
 * @param action         what the proxy does instead of (or on top of) forwarding
 * @param status         HTTP status of a {@link Action#RESPOND} fault
 * @param code           S3 error code of a {@link Action#RESPOND} or {@link Action#RESPOND_OK_WITH_ERROR} fault
 *                       (e.g. {@code SlowDown}, {@code InternalError})
 * @param bytes          for the truncate and reset-after faults: body bytes passed before the connection is cut;
 *                       for the corrupt faults: the offset of the body byte that is flipped
 * @param delay          for {@link Action#DELAY} and {@link Action#DELAY_RESPONSE}: how long the proxy waits
 * @param skip           matching exchanges to leave untouched before the fault starts applying
 * @param times          how many matching exchanges the fault applies to after {@code skip}; {@code -1} for all
 * @param message        the {@code <Message>} of a {@link Action#RESPOND_OK_WITH_ERROR} fault; may be {@code null};
 *                       for {@link Action#REDIRECT}, the base URL (scheme, host, port) of the {@code Location}
 * @param bytesPerSecond for {@link Action#LIMIT_BANDWIDTH}: the most body bytes passed per second, each way
 */
public record Fault(Predicate<RequestHead> matcher, Action action, int status, String code, long bytes,
                   Duration delay, int skip, int times, String message, long bytesPerSecond) {

    /** What an injected fault does. */
    public enum Action {
        /** Answer with an S3 error document ({@code status}, {@code code}) without forwarding; the body is drained. */
        RESPOND,
        /** Close the client connection abruptly (RST) as soon as the request head arrives. */
        RESET_CONNECTION,
        /**
         * Forward, but pass only the first {@code bytes} of the response body, then close the connection cleanly
         * (FIN): the client sees the body end early, not a reset.
         */
        TRUNCATE_RESPONSE_BODY,
        /** Forward, but flip the bits of the response body byte at offset {@code bytes}. */
        CORRUPT_RESPONSE_BODY,
        /** Wait {@code delay} before forwarding the request (the server sees it late). */
        DELAY,
        /** Forward at once, but hold the server's response head for {@code delay} before passing it on. */
        DELAY_RESPONSE,
        /**
         * Forward, passing the request body and the response body at most {@code bytesPerSecond} each (the head
         * goes at full speed). Only the affected connection slows down.
         */
        LIMIT_BANDWIDTH,
        /** Forward, pass the first {@code bytes} of the response body, then reset the connection (RST). */
        RESET_AFTER_RESPONSE_BYTES,
        /**
         * Forward the request head and the first {@code bytes} of the request body, then reset the client
         * connection (RST) and close the server connection: an upload dies mid-body.
         */
        RESET_AFTER_REQUEST_BYTES,
        /** Forward, but flip the bits of the request body byte at offset {@code bytes}: an upload damaged in transit. */
        CORRUPT_REQUEST_BODY,
        /**
         * Forward the request and let the server act on it, then replace its response with {@code 200 OK} whose
         * body is an S3 {@code <Error>} document ({@code code}, {@code message}): how S3 reports late failures of
         * CompleteMultipartUpload and CopyObject.
         */
        RESPOND_OK_WITH_ERROR,
        /**
         * Read the request (and its body) without forwarding it, and never answer: the connection stays open,
         * silent, until the client closes it or the proxy is closed.
         */
        HANG,
        /**
         * Forward the request and let the server act on it, read the server's whole response and drop it, then
         * reset the client connection (RST): the write happened, but the client never learns it (a lost answer).
         */
        DROP_RESPONSE,
        /**
         * Answer {@code status} (a 3xx) with {@code Location: <message><request path and query>} instead of
         * forwarding: a store redirecting the client to another host.
         */
        REDIRECT
    }

    public Fault {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(action, "action");
        delay = delay == null ? Duration.ZERO : delay;
        if (skip < 0 || times < -1 || times == 0) {
            throw new IllegalArgumentException("skip must be >= 0 and times -1 (all) or >= 1");
        }
        if (action == Action.LIMIT_BANDWIDTH && bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be > 0, got " + bytesPerSecond);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
    }

    /** The fault without a message or bandwidth (the components of the first testkit versions). */
    public Fault(Predicate<RequestHead> matcher, Action action, int status, String code, long bytes,
                 Duration delay, int skip, int times) {
        this(matcher, action, status, code, bytes, delay, skip, times, null, 0);
    }

    /** A fault builder for requests matching {@code matcher}; by default it answers 500 InternalError, every time. */
    public static Fault on(Predicate<RequestHead> matcher) {
        return new Fault(matcher, Action.RESPOND, 500, "InternalError", 0, Duration.ZERO, 0, -1, null, 0);
    }

    /** A fault builder for requests of S3 operation {@code operation} ({@code UploadPart}, {@code GetObject}, ...). */
    public static Fault onOperation(String operation) {
        Objects.requireNonNull(operation, "operation");
        return on(head -> head.operation().equals(operation));
    }

    private Fault with(Action action, int status, String code, long bytes, Duration delay, String message,
                       long bytesPerSecond) {
        return new Fault(matcher, action, status, code, bytes, delay, skip, times, message, bytesPerSecond);
    }

    private Fault doing(Action action) {
        return doing(action, bytes);
    }

    private Fault doing(Action action, long withBytes) {
        return with(action, status, code, withBytes, delay, message, bytesPerSecond);
    }

    private Fault delayed(Action action, Duration by) {
        return with(action, status, code, bytes, by, message, bytesPerSecond);
    }

    /** Answer with this status and S3 error code instead of forwarding. */
    public Fault respond(int status, String code) {
        return with(Action.RESPOND, status, code, bytes, delay, message, bytesPerSecond);
    }

    /**
     * Answer {@code 503 SlowDown} instead of forwarding, as S3 does when throttling; like S3 the answer has no
     * {@code Retry-After} header, so clients back off by their own policy. Same as {@code respond(503, "SlowDown")}.
     */
    public Fault slowDown() {
        return respond(503, "SlowDown");
    }

    /** Answer {@code 500 InternalError} instead of forwarding. Same as {@code respond(500, "InternalError")}. */
    public Fault internalError() {
        return respond(500, "InternalError");
    }

    /**
     * Forward the request (the server really performs it), then answer {@code 200 OK} with an S3 error document
     * instead of the server's response, with a correct {@code Content-Length}; the server's response is read and
     * dropped and the connection stays usable. S3 reports late failures of CompleteMultipartUpload, CopyObject and
     * UploadPartCopy this way.
     *
     * @param code    the {@code <Code>}, e.g. {@code InternalError}
     * @param message the {@code <Message>}; {@code null} for the testkit's default
     */
    public Fault respondOkWithError(String code, String message) {
        Objects.requireNonNull(code, "code");
        return with(Action.RESPOND_OK_WITH_ERROR, 200, code, bytes, delay, message, bytesPerSecond);
    }

    /** Reset the client connection when the request arrives. */
    public Fault resetConnection() {
        return doing(Action.RESET_CONNECTION);
    }

    /**
     * Forward, pass {@code bytes} bytes of the response body, then reset the client connection (RST, with
     * {@code SO_LINGER} 0). Unlike {@link #truncateResponseBody(long)} the client sees a reset, not an early end.
     */
    public Fault resetAfterResponseBytes(long bytes) {
        return doing(Action.RESET_AFTER_RESPONSE_BYTES, bytes);
    }

    /**
     * Forward the request head and {@code bytes} bytes of the request body, then reset the client connection
     * (RST) and close the server's: an upload dies in the middle of its body, and the server sees an incomplete
     * request.
     */
    public Fault resetAfterRequestBytes(long bytes) {
        return doing(Action.RESET_AFTER_REQUEST_BYTES, bytes);
    }

    /**
     * Forward, then cut the response body after {@code keepBytes} bytes and close the connection cleanly (FIN):
     * the client reads fewer bytes than {@code Content-Length} announced, then the end of the stream.
     */
    public Fault truncateResponseBody(long keepBytes) {
        return doing(Action.TRUNCATE_RESPONSE_BODY, keepBytes);
    }

    /** Forward, then flip the response body byte at {@code offset}. */
    public Fault corruptResponseBody(long offset) {
        return doing(Action.CORRUPT_RESPONSE_BODY, offset);
    }

    /**
     * Forward, flipping the request body byte at {@code offset} on its way to the server: the server rejects the
     * upload when it can tell (a {@code Content-MD5}, a checksum, a signed payload) and stores damaged bytes when
     * it cannot (an unsigned payload without checksums).
     */
    public Fault corruptRequestBody(long offset) {
        return doing(Action.CORRUPT_REQUEST_BODY, offset);
    }

    /** Hold the request for {@code delay} before forwarding it (request latency). */
    public Fault delay(Duration delay) {
        return delayed(Action.DELAY, delay);
    }

    /**
     * Forward the request at once, but hold the server's response head for {@code delay} before passing it on
     * (response latency: time to first byte grows, the server has already acted).
     */
    public Fault delayResponse(Duration delay) {
        return delayed(Action.DELAY_RESPONSE, delay);
    }

    /**
     * Forward, but pass the request body and the response body at most {@code bytesPerSecond} bytes per second
     * each (heads pass at full speed). The throttled copying happens on the connection's own threads, so other
     * connections run at full speed.
     */
    public Fault limitBandwidth(long bytesPerSecond) {
        return with(Action.LIMIT_BANDWIDTH, status, code, bytes, delay, message, bytesPerSecond);
    }

    /**
     * Read the request and its body, forward nothing and never answer: the client waits until its own timeout.
     * The connection is closed when the client gives up or when the proxy (the target) is closed.
     */
    public Fault hang() {
        return doing(Action.HANG);
    }

    /**
     * Forward the request (the server performs it), read and drop the server's response, then reset the client
     * connection: the client sees a connection reset although the write took place, and a client that retries
     * sends it again. The exchange is recorded with status {@code 0}.
     */
    public Fault dropResponse() {
        return doing(Action.DROP_RESPONSE);
    }

    /**
     * Answer {@code status} ({@code 301}, {@code 302}, {@code 307} or {@code 308}) instead of forwarding, with an S3
     * error document ({@code PermanentRedirect} or {@code TemporaryRedirect}) and
     * {@code Location: baseUrl + path + query} of the request: a store sending the client to another host.
     *
     * @param baseUrl scheme, host and port without a trailing slash, e.g. {@code http://127.0.0.1:9000}
     */
    public Fault redirect(int status, String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("a redirect status is 3xx, got " + status);
        }
        return with(Action.REDIRECT, status, status == 301 || status == 308 ? "PermanentRedirect"
                : "TemporaryRedirect", bytes, delay, baseUrl, bytesPerSecond);
    }

    /** Apply to the first {@code n} matching exchanges only. */
    public Fault times(int n) {
        return new Fault(matcher, action, status, code, bytes, delay, skip, n, message, bytesPerSecond);
    }

    /** Leave the first {@code n} matching exchanges untouched. */
    public Fault skip(int n) {
        return new Fault(matcher, action, status, code, bytes, delay, n, times, message, bytesPerSecond);
    }

    @Override
    public String toString() {
        return switch (action) {
            case RESPOND -> "respond " + status + " " + code;
            case RESET_CONNECTION -> "reset connection";
            case TRUNCATE_RESPONSE_BODY -> "truncate response body after " + bytes + " bytes";
            case CORRUPT_RESPONSE_BODY -> "corrupt response body byte " + bytes;
            case DELAY -> "delay " + delay.toMillis() + " ms";
            case DELAY_RESPONSE -> "delay response " + delay.toMillis() + " ms";
            case LIMIT_BANDWIDTH -> "limit bandwidth to " + bytesPerSecond + " bytes/s";
            case RESET_AFTER_RESPONSE_BYTES -> "reset after " + bytes + " response body bytes";
            case RESET_AFTER_REQUEST_BYTES -> "reset after " + bytes + " request body bytes";
            case CORRUPT_REQUEST_BODY -> "corrupt request body byte " + bytes;
            case RESPOND_OK_WITH_ERROR -> "respond 200 with error " + code;
            case HANG -> "hang";
            case DROP_RESPONSE -> "drop response, reset connection";
            case REDIRECT -> "redirect " + status + " to " + message;
        };
    }
}
