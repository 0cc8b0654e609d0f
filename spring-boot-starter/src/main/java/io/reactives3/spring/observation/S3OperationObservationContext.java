package io.reactives3.spring.observation;

import io.micrometer.observation.Observation;
import io.reactives3.core.S3Operation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one S3 request knows: the request ({@link #operation()}) from the start, and at the end its
 * {@link #outcome()} (the error itself is in {@link #getError()}).
 */
public class S3OperationObservationContext extends Observation.Context {

    private final S3Operation operation;
    private @Nullable Outcome outcome;

    /** The context of an observation of {@code operation}. */
    public S3OperationObservationContext(S3Operation operation) {
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** The S3 operation, bucket and key of the request. */
    public S3Operation operation() {
        return operation;
    }

    /** How the request ended, or {@code null} while it runs. */
    public @Nullable Outcome outcome() {
        return outcome;
    }

    /** Records how the request ended (called by {@link ReactiveS3Observations} before it stops the observation). */
    public void setOutcome(Outcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** How an S3 request ended. */
    public enum Outcome {
        /** The store answered with success. */
        SUCCESS,
        /** The store answered 3xx (a 304 to a conditional GET or HEAD). */
        REDIRECTION,
        /** The store answered 4xx (no such key, access denied, precondition failed, ...). */
        CLIENT_ERROR,
        /** The store answered 5xx. */
        SERVER_ERROR,
        /** No answer: a transport failure, a timeout, or an error raised on the client's side. */
        UNKNOWN,
        /** The subscriber cancelled before the answer (the request was aborted). */
        CANCELLED
    }
}
