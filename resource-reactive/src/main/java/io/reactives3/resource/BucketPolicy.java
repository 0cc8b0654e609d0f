package io.reactives3.resource;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A bucket's policy (boto3's {@code BucketPolicy}), identified by the bucket name. The policy loads on first
 * subscription and is cached in this instance (its absence too); {@link #put} and {@link #delete()} clear the cache.
 */
public final class BucketPolicy {

    private final Bucket bucket;
    private final Cached<Optional<String>> policy;

    BucketPolicy(Bucket bucket) {
        this.bucket = bucket;
        this.policy = new Cached<>(() -> bucket.service().client().getBucketPolicy(bucket.name())
                .map(Optional::of).defaultIfEmpty(Optional.empty()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /**
     * Emits the policy JSON (GetBucketPolicy on first subscription, then cached); completes empty when the bucket
     * has none. Same as {@link #policy()}.
     */
    public Mono<String> load() {
        return policy.get().flatMap(Mono::justOrEmpty);
    }

    /** Sends GetBucketPolicy again and caches the answer; completes empty when the bucket has none. */
    public Mono<String> reload() {
        return policy.refresh().flatMap(Mono::justOrEmpty);
    }

    /** Emits the policy JSON (boto3's {@code policy} attribute); completes empty when there is none. */
    public Mono<String> policy() {
        return load();
    }

    /** Sets the policy (a JSON document); completes empty. */
    public Mono<Void> put(String policyJson) {
        return policy.clearingAfter(bucket.service().client().putBucketPolicy(bucket.name(), policyJson));
    }

    /** Removes the policy; completes empty. */
    public Mono<Void> delete() {
        return policy.clearingAfter(bucket.service().client().deleteBucketPolicy(bucket.name()));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketPolicy other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketPolicy[" + bucket.name() + "]";
    }
}
