package io.reactives3.resource;

import io.reactives3.core.model.CorsRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's CORS rules (boto3's {@code BucketCors}), identified by the bucket name. The rules load on first
 * subscription and are cached in this instance; {@link #put} and {@link #delete()} clear the cache.
 */
public final class BucketCors {

    private final Bucket bucket;
    private final Cached<List<CorsRule>> rules;

    BucketCors(Bucket bucket) {
        this.bucket = bucket;
        this.rules = new Cached<>(() -> bucket.service().client().getBucketCors(bucket.name()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /** Emits the rules (GetBucketCors on first subscription, then cached; empty list if none). */
    public Mono<List<CorsRule>> load() {
        return rules.get();
    }

    /** Sends GetBucketCors again and caches the answer. */
    public Mono<List<CorsRule>> reload() {
        return rules.refresh();
    }

    /** Emits the rules (boto3's {@code cors_rules} attribute); same as {@link #load()}. */
    public Mono<List<CorsRule>> corsRules() {
        return load();
    }

    /** Replaces the bucket's CORS rules; completes empty. */
    public Mono<Void> put(List<CorsRule> corsRules) {
        return rules.clearingAfter(bucket.service().client().putBucketCors(bucket.name(), corsRules));
    }

    /** Removes the CORS configuration; completes empty. */
    public Mono<Void> delete() {
        return rules.clearingAfter(bucket.service().client().deleteBucketCors(bucket.name()));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketCors other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketCors[" + bucket.name() + "]";
    }
}
