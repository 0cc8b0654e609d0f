package io.reactives3.resource;

import io.reactives3.core.model.BucketLifecycleRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's lifecycle rules (boto3's {@code BucketLifecycleConfiguration}), identified by the bucket name.
 * {@link #load()} sends GetBucketLifecycleConfiguration on first subscription and caches the rules in this instance
 * (an empty list when there are none); {@link #put} and {@link #delete()} clear the cache. Errors arrive via
 * {@code onError}; cancelling cancels the request in flight (a change may still be applied).
 */
public final class BucketLifecycleConfiguration extends BucketSubResource<List<BucketLifecycleRule>> {

    BucketLifecycleConfiguration(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketLifecycle(bucket.name()));
    }

    /** Emits the rules (boto3's {@code rules} attribute); same as {@link #load()}. */
    public Mono<List<BucketLifecycleRule>> rules() {
        return load();
    }

    /** Replaces the bucket's lifecycle rules (PutBucketLifecycleConfiguration); completes empty. */
    public Mono<Void> put(List<BucketLifecycleRule> lifecycleRules) {
        return changing(client().putBucketLifecycle(bucketName(), lifecycleRules));
    }

    /** Removes the lifecycle configuration (DeleteBucketLifecycle); completes empty. */
    public Mono<Void> delete() {
        return changing(client().deleteBucketLifecycle(bucketName()));
    }
}
