package io.reactives3.core.model;

import java.util.Objects;

/**
 * What HeadBucket says about an existing bucket.
 *
 * @param bucket the bucket name
 * @param region the bucket's region from {@code x-amz-bucket-region}, or {@code null} if the store did not say
 */
public record BucketHead(String bucket, String region) {
    public BucketHead {
        Objects.requireNonNull(bucket, "bucket");
    }
}
