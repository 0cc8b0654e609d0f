package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.model.BucketLifecycleRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's lifecycle rules (boto3's {@code BucketLifecycleConfiguration}), identified by the bucket name.
 * {@link #load()} sends GetBucketLifecycleConfiguration on first subscription and caches the rules in this instance
 * (an empty list when there are none); {@link #put} (PutBucketLifecycleConfiguration: replaces the rules) and
 * {@link #delete()} (DeleteBucketLifecycle) clear the cache. Errors arrive via
 * {@code onError}; cancelling cancels the request in flight (a change may still be applied).
 */
public final class BucketLifecycleConfiguration extends BucketConfiguration<List<BucketLifecycleRule>, List<BucketLifecycleRule>> {

    BucketLifecycleConfiguration(Bucket bucket) {
        super(bucket, ReactiveS3Client::getBucketLifecycle, ReactiveS3Client::putBucketLifecycle,
                ReactiveS3Client::deleteBucketLifecycle);
    }

    /** Emits the rules (boto3's {@code rules} attribute); same as {@link #load()}. */
    public Mono<List<BucketLifecycleRule>> rules() {
        return load();
    }
}
