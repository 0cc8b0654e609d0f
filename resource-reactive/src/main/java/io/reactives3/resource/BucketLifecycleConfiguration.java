package io.reactives3.resource;

import io.reactives3.core.model.LifecycleRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's lifecycle rules (boto3's {@code BucketLifecycleConfiguration}), identified by the bucket name. The rules
 * load on first subscription and are cached in this instance; {@link #put} and {@link #delete()} clear the cache.
 */
public final class BucketLifecycleConfiguration {

    private final Bucket bucket;
    private final Cached<List<LifecycleRule>> rules;

    BucketLifecycleConfiguration(Bucket bucket) {
        this.bucket = bucket;
        this.rules = new Cached<>(() -> bucket.service().client().getBucketLifecycle(bucket.name()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /** Emits the rules (GetBucketLifecycleConfiguration on first subscription, then cached; empty list if none). */
    public Mono<List<LifecycleRule>> load() {
        return rules.get();
    }

    /** Sends GetBucketLifecycleConfiguration again and caches the answer. */
    public Mono<List<LifecycleRule>> reload() {
        return rules.refresh();
    }

    /** Emits the rules (boto3's {@code rules} attribute); same as {@link #load()}. */
    public Mono<List<LifecycleRule>> rules() {
        return load();
    }

    /** Replaces the bucket's lifecycle rules; completes empty. */
    public Mono<Void> put(List<LifecycleRule> lifecycleRules) {
        return rules.clearingAfter(bucket.service().client().putBucketLifecycle(bucket.name(), lifecycleRules));
    }

    /** Removes the lifecycle configuration; completes empty. */
    public Mono<Void> delete() {
        return rules.clearingAfter(bucket.service().client().deleteBucketLifecycle(bucket.name()));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketLifecycleConfiguration other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketLifecycleConfiguration[" + bucket.name() + "]";
    }
}
