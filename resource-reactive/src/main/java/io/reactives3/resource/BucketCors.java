package io.reactives3.resource;

import io.reactives3.core.model.CorsRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's CORS rules (boto3's {@code BucketCors}), identified by the bucket name. {@link #load()} sends
 * GetBucketCors on first subscription and caches the rules in this instance (an empty list when there are none);
 * {@link #put} and {@link #delete()} clear the cache. Errors arrive via {@code onError}; cancelling cancels the
 * request in flight (a change may still be applied).
 */
public final class BucketCors extends BucketSubResource<List<CorsRule>> {

    BucketCors(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketCors(bucket.name()));
    }

    /** Emits the rules (boto3's {@code cors_rules} attribute); same as {@link #load()}. */
    public Mono<List<CorsRule>> corsRules() {
        return load();
    }

    /** Replaces the bucket's CORS rules (PutBucketCors); completes empty. */
    public Mono<Void> put(List<CorsRule> corsRules) {
        return changing(client().putBucketCors(bucketName(), corsRules));
    }

    /** Removes the CORS configuration (DeleteBucketCors); completes empty. */
    public Mono<Void> delete() {
        return changing(client().deleteBucketCors(bucketName()));
    }
}
