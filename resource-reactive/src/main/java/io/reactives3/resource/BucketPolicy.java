package io.reactives3.resource;

import reactor.core.publisher.Mono;

/**
 * A bucket's policy (boto3's {@code BucketPolicy}), identified by the bucket name. {@link #load()} sends
 * GetBucketPolicy on first subscription and caches the policy JSON in this instance; it completes empty when the
 * bucket has no policy, and that absence is cached too. {@link #put} and {@link #delete()} clear the cache. Errors
 * arrive via {@code onError}; cancelling cancels the request in flight (a change may still be applied).
 */
public final class BucketPolicy extends BucketSubResource<String> {

    BucketPolicy(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketPolicy(bucket.name()));
    }

    /** Emits the policy JSON (boto3's {@code policy} attribute); completes empty when there is none. */
    public Mono<String> policy() {
        return load();
    }

    /** Sets the policy, a JSON document (PutBucketPolicy); completes empty. */
    public Mono<Void> put(String policyJson) {
        return changing(client().putBucketPolicy(bucketName(), policyJson));
    }

    /** Removes the policy (DeleteBucketPolicy); completes empty. */
    public Mono<Void> delete() {
        return changing(client().deleteBucketPolicy(bucketName()));
    }
}
