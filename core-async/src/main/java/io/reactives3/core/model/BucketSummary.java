package io.reactives3.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A bucket as listed by ListBuckets.
 *
 * @param name         bucket name
 * @param creationDate when the bucket was created, or {@code null} if the store did not say
 */
public record BucketSummary(String name, Instant creationDate) {
    public BucketSummary {
        Objects.requireNonNull(name, "name");
    }
}
