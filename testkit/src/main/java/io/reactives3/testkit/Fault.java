package io.reactives3.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A fault the recording proxy injects into matching exchanges. Build one with {@link #on(Predicate)} or
 * {@link #onOperation(String)}, choose what happens, and add it with {@link Faults#add(Fault)}.
 *
 * <pre>{@code
 * target.faults().add(Fault.onOperation("UploadPart").respond(503, "SlowDown").times(2));
 * target.faults().add(Fault.onOperation("GetObject").truncateResponseBody(1000).times(1));
 * }</pre>
 *
 * @param matcher  which requests the fault applies to (evaluated on the request head)
 * @param action   what the proxy does instead of (or on top of) forwarding
 * @param status   HTTP status of a {@link Action#RESPOND} fault
 * @param code     S3 error code of a {@link Action#RESPOND} fault (e.g. {@code SlowDown}, {@code InternalError})
 * @param bytes    for {@link Action#TRUNCATE_RESPONSE_BODY}: body bytes passed before the connection is cut;
 *                 for {@link Action#CORRUPT_RESPONSE_BODY}: the offset of the body byte that is flipped
 * @param delay    for {@link Action#DELAY}: how long the request waits before it is forwarded
 * @param skip     matching exchanges to leave untouched before the fault starts applying
 * @param times    how many matching exchanges the fault applies to after {@code skip}; {@code -1} for all
 */
public record Fault(Predicate<RequestHead> matcher, Action action, int status, String code, long bytes,
                    Duration delay, int skip, int times) {

    /** What an injected fault does. */
    public enum Action {
        /** Answer with an S3 error document ({@code status}, {@code code}) without forwarding; the body is drained. */
        RESPOND,
        /** Close the client connection abruptly (RST) as soon as the request head arrives. */
        RESET_CONNECTION,
        /** Forward, but pass only the first {@code bytes} of the response body, then close the connection. */
        TRUNCATE_RESPONSE_BODY,
        /** Forward, but flip the bits of the response body byte at offset {@code bytes}. */
        CORRUPT_RESPONSE_BODY,
        /** Wait {@code delay} before forwarding. */
        DELAY
    }

    public Fault {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(action, "action");
        delay = delay == null ? Duration.ZERO : delay;
        if (skip < 0 || times < -1 || times == 0) {
            throw new IllegalArgumentException("skip must be >= 0 and times -1 (all) or >= 1");
        }
    }

    /** A fault builder for requests matching {@code matcher}; by default it answers 500 InternalError, every time. */
    public static Fault on(Predicate<RequestHead> matcher) {
        return new Fault(matcher, Action.RESPOND, 500, "InternalError", 0, Duration.ZERO, 0, -1);
    }

    /** A fault builder for requests of S3 operation {@code operation} ({@code UploadPart}, {@code GetObject}, ...). */
    public static Fault onOperation(String operation) {
        Objects.requireNonNull(operation, "operation");
        return on(head -> head.operation().equals(operation));
    }

    /** Answer with this status and S3 error code instead of forwarding. */
    public Fault respond(int status, String code) {
        return new Fault(matcher, Action.RESPOND, status, code, bytes, delay, skip, times);
    }

    /** Reset the client connection when the request arrives. */
    public Fault resetConnection() {
        return new Fault(matcher, Action.RESET_CONNECTION, status, code, bytes, delay, skip, times);
    }

    /** Forward, then cut the response body after {@code keepBytes} bytes. */
    public Fault truncateResponseBody(long keepBytes) {
        return new Fault(matcher, Action.TRUNCATE_RESPONSE_BODY, status, code, keepBytes, delay, skip, times);
    }

    /** Forward, then flip the response body byte at {@code offset}. */
    public Fault corruptResponseBody(long offset) {
        return new Fault(matcher, Action.CORRUPT_RESPONSE_BODY, status, code, offset, delay, skip, times);
    }

    /** Hold the request for {@code delay} before forwarding it. */
    public Fault delay(Duration delay) {
        return new Fault(matcher, Action.DELAY, status, code, bytes, delay, skip, times);
    }

    /** Apply to the first {@code n} matching exchanges only. */
    public Fault times(int n) {
        return new Fault(matcher, action, status, code, bytes, delay, skip, n);
    }

    /** Leave the first {@code n} matching exchanges untouched. */
    public Fault skip(int n) {
        return new Fault(matcher, action, status, code, bytes, delay, n, times);
    }

    @Override
    public String toString() {
        return switch (action) {
            case RESPOND -> "respond " + status + " " + code;
            case RESET_CONNECTION -> "reset connection";
            case TRUNCATE_RESPONSE_BODY -> "truncate response body after " + bytes + " bytes";
            case CORRUPT_RESPONSE_BODY -> "corrupt response body byte " + bytes;
            case DELAY -> "delay " + delay.toMillis() + " ms";
        };
    }
}
