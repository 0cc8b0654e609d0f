package io.reactives3.spring.observation;

import io.micrometer.observation.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one transfer engine run knows: its {@link #kind()} and target from the start, its
 * {@link #outcome()} at the end (the error itself is in {@link #getError()}).
 */
public class S3TransferObservationContext extends Observation.Context {

    private final String kind;
    private final String bucket;
    private final @Nullable String key;
    private @Nullable Outcome outcome;

    /**
     * The context of an observation of a transfer.
     *
     * @param kind   {@code upload}, {@code upload-file}, {@code download-file}, {@code copy},
     *               {@code upload-directory}, {@code download-directory} or {@code delete}
     * @param bucket the bucket written to (a copy's destination), read from, or deleted in
     * @param key    the key, or the prefix of a directory transfer or prefix delete; {@code null} for a delete of
     *               given keys
     */
    public S3TransferObservationContext(String kind, String bucket, @Nullable String key) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = key;
    }

    /** What the transfer does ({@code upload}, {@code download-file}, ...). */
    public String kind() {
        return kind;
    }

    /** The bucket. */
    public String bucket() {
        return bucket;
    }

    /** The key or prefix, or {@code null} for a delete of given keys. */
    public @Nullable String key() {
        return key;
    }

    /** How the transfer ended, or {@code null} while it runs. */
    public @Nullable Outcome outcome() {
        return outcome;
    }

    /** Records how the transfer ended (before the observation stops). */
    public void setOutcome(Outcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** How a transfer ended. */
    public enum Outcome {
        /** It completed with its result. */
        SUCCESS,
        /** It failed (the error is the context's). */
        ERROR,
        /** The subscriber cancelled it. */
        CANCELLED
    }
}
