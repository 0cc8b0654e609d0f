package io.reactives3.resource;

import io.reactives3.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * What a collection's {@code filter(...)} selects (boto3's {@code filter(Prefix=..., Delimiter=..., ...)}). Each
 * collection accepts the filters it can apply, checked by the compiler: {@link ForObjects}, {@link ForVersions},
 * {@link ForUploads}, {@link ForBuckets}. A later filter of the same kind replaces an earlier one.
 *
 * <pre>{@code
 * import static io.reactives3.resource.Filter.prefix;
 * bucket.objects().filter(prefix("logs/"), delimiter("/")).pages()
 * bucket.multipartUploads().filter(initiatedBefore(Instant.now().minus(Duration.ofDays(1)))).abort()
 * }</pre>
 */
public sealed interface Filter permits Filter.ForObjects, Filter.ForVersions, Filter.ForUploads, Filter.ForBuckets {

    /** Keys (or bucket names) starting with {@code prefix}. Sent to the store, except for buckets. */
    static Prefix prefix(String prefix) {
        return new Prefix(prefix);
    }

    /** Roll keys up to common prefixes at {@code delimiter} (usually {@code /}); see the pages' common prefixes. */
    static Delimiter delimiter(String delimiter) {
        return new Delimiter(delimiter);
    }

    /** Keys after {@code key} in UTF-8 order ({@code start-after} for objects, {@code key-marker} otherwise). */
    static StartAfter startAfter(String key) {
        return new StartAfter(key);
    }

    /**
     * Multipart uploads initiated strictly before {@code instant} (applied on the client: the store lists every
     * upload; uploads whose initiation time the store does not report are not selected).
     */
    static InitiatedBefore initiatedBefore(Instant instant) {
        return new InitiatedBefore(instant);
    }

    /** A filter {@link Bucket#objects()} accepts. */
    sealed interface ForObjects extends Filter permits Prefix, Delimiter, StartAfter {
    }

    /** A filter {@link Bucket#objectVersions()} accepts. */
    sealed interface ForVersions extends Filter permits Prefix, Delimiter, StartAfter {
    }

    /** A filter {@link Bucket#multipartUploads()} accepts. */
    sealed interface ForUploads extends Filter permits Prefix, StartAfter, InitiatedBefore {
    }

    /** A filter {@link ReactiveS3#buckets()} accepts. */
    sealed interface ForBuckets extends Filter permits Prefix {
    }

    /**
     * See {@link Filter#prefix(String)}.
     *
     * @param value the prefix
     */
    record Prefix(String value) implements ForObjects, ForVersions, ForUploads, ForBuckets {
        public Prefix {
            Objects.requireNonNull(value, "prefix must not be null");
        }
    }

    /**
     * See {@link Filter#delimiter(String)}.
     *
     * @param value the delimiter, not empty
     */
    record Delimiter(String value) implements ForObjects, ForVersions {
        public Delimiter {
            Objects.requireNonNull(value, "delimiter must not be null");
            if (value.isEmpty()) {
                throw new InvalidInputException("delimiter must not be empty");
            }
        }
    }

    /**
     * See {@link Filter#startAfter(String)}.
     *
     * @param key the key to start after
     */
    record StartAfter(String key) implements ForObjects, ForVersions, ForUploads {
        public StartAfter {
            Objects.requireNonNull(key, "startAfter key must not be null");
        }
    }

    /**
     * See {@link Filter#initiatedBefore(Instant)}.
     *
     * @param instant the cut-off (exclusive)
     */
    record InitiatedBefore(Instant instant) implements ForUploads {
        public InitiatedBefore {
            Objects.requireNonNull(instant, "instant must not be null");
        }
    }
}
