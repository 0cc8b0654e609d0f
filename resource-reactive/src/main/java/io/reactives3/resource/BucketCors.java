package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.model.CorsRule;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's CORS rules (boto3's {@code BucketCors}), identified by the bucket name. {@link #load()} sends
 * GetBucketCors on first subscription and caches the rules in this instance (an empty list when there are none);
 * {@link #put} (PutBucketCors: replaces the rules) and {@link #delete()}
 * (DeleteBucketCors) clear the cache. Errors arrive via {@code onError}; cancelling cancels the
 * request in flight (a change may still be applied).
 */
public final class BucketCors extends BucketConfiguration<List<CorsRule>, List<CorsRule>> {

    BucketCors(Bucket bucket) {
        super(bucket, ReactiveS3Client::getBucketCors, ReactiveS3Client::putBucketCors,
                ReactiveS3Client::deleteBucketCors);
    }

    /** Emits the rules (boto3's {@code cors_rules} attribute); same as {@link #load()}. */
    public Mono<List<CorsRule>> corsRules() {
        return load();
    }
}
