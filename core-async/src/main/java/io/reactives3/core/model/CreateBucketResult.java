package io.reactives3.core.model;

import java.util.Objects;

/**
 * A created bucket.
 *
 * @param bucket   the bucket name
 * @param location the {@code Location} the store returned (e.g. {@code /bucket}), or {@code null}
 */
public record CreateBucketResult(String bucket, String location) {
    public CreateBucketResult {
        Objects.requireNonNull(bucket, "bucket");
    }
}
