package io.reactives3.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request/response exchange seen by the recording proxy.
 *
 * @param head          the request head
 * @param status        the final HTTP status returned to the client (interim 1xx responses are not recorded), or
 *                      {@code 0} when the exchange ended without a response (connection reset, client gave up)
 * @param requestBytes  request body bytes received from the client (as framed on the wire)
 * @param responseBytes response body bytes sent to the client
 * @param startedAt     when the request head arrived
 * @param duration      from the request head to the end of the response
 * @param fault         the description of the injected fault, or empty when the exchange was forwarded untouched
 */
public record RecordedRequest(RequestHead head, int status, long requestBytes, long responseBytes,
                              Instant startedAt, Duration duration, Optional<String> fault) {

    public RecordedRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        fault = fault == null ? Optional.empty() : fault;
    }

    /** Shortcut for {@code head().method()}. */
    public String method() {
        return head.method();
    }

    /** Shortcut for {@code head().path()}. */
    public String path() {
        return head.path();
    }

    /** Shortcut for {@code head().operation()}. */
    public String operation() {
        return head.operation();
    }

    /** Shortcut for {@code head().bucket()}. */
    public Optional<String> bucket() {
        return head.bucket();
    }

    /** Shortcut for {@code head().key()}. */
    public Optional<String> key() {
        return head.key();
    }

    @Override
    public String toString() {
        return head.method() + " " + head.path() + (head.query().isEmpty() ? "" : "?" + head.query())
                + " -> " + status + " (" + head.operation() + fault.map(f -> ", fault: " + f).orElse("") + ")";
    }
}
