package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import reactor.core.publisher.Mono;

/**
 * A bucket's policy (boto3's {@code BucketPolicy}), identified by the bucket name. {@link #load()} sends
 * GetBucketPolicy on first subscription and caches the policy JSON in this instance; it completes empty when the
 * bucket has no policy, and that absence is cached too. {@link #put} (PutBucketPolicy: sets the
 * policy, a JSON document) and {@link #delete()} (DeleteBucketPolicy) clear the cache. Errors
 * arrive via {@code onError}; cancelling cancels the request in flight (a change may still be applied).
 */
public final class BucketPolicy extends BucketConfiguration<String, String> {

    BucketPolicy(Bucket bucket) {
        super(bucket, ReactiveS3Client::getBucketPolicy, ReactiveS3Client::putBucketPolicy,
                ReactiveS3Client::deleteBucketPolicy);
    }

    /** Emits the policy JSON (boto3's {@code policy} attribute); completes empty when there is none. */
    public Mono<String> policy() {
        return load();
    }
}
