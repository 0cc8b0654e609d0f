package io.reactives3.testkit;

import java.util.List;
import java.util.function.Predicate;

/**
 * The requests a target's recording proxy has seen, oldest first. Safe to read while traffic flows; an exchange is
 * recorded when its response has ended.
 */
public interface RequestLog {

    /** A snapshot of every recorded exchange, oldest first. */
    List<RecordedRequest> all();

    /** A snapshot of the exchanges whose request targeted {@code bucket} (path-style), oldest first. */
    default List<RecordedRequest> forBucket(String bucket) {
        return matching(r -> r.bucket().map(bucket::equals).orElse(false));
    }

    /** A snapshot of the exchanges matching {@code filter}, oldest first. */
    default List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return all().stream().filter(filter).toList();
    }

    /** How many recorded exchanges on {@code bucket} were the S3 operation {@code operation} (e.g. {@code ListObjectsV2}). */
    default long count(String bucket, String operation) {
        return forBucket(bucket).stream().filter(r -> r.operation().equals(operation)).count();
    }

    /**
     * Waits until no exchange is in flight (request head seen, response not yet finished), at most {@code timeout}.
     * Use before counting when a client may still be finishing a cancelled request.
     *
     * @return whether the proxy went idle in time
     */
    boolean awaitIdle(java.time.Duration timeout);

    /** Forgets every recorded exchange. */
    void clear();
}
