package io.reactives3.resource;

import io.reactives3.core.model.BucketVersioningResult;
import io.reactives3.core.model.VersioningStatus;
import reactor.core.publisher.Mono;

/**
 * A bucket's versioning configuration (boto3's {@code BucketVersioning}), identified by the bucket name.
 * {@link #load()} sends GetBucketVersioning on first subscription and caches the answer in this instance;
 * {@link #enable()} and {@link #suspend()} clear the cache. Errors arrive via {@code onError}; cancelling cancels the
 * request in flight (a change may still be applied).
 */
public final class BucketVersioning extends BucketSubResource<BucketVersioningResult> {

    BucketVersioning(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketVersioning(bucket.name()));
    }

    /** Emits the versioning state ({@link VersioningStatus#UNVERSIONED} if never enabled), from {@link #load()}. */
    public Mono<VersioningStatus> status() {
        return load().map(BucketVersioningResult::status);
    }

    /** Enables versioning (PutBucketVersioning); completes empty. */
    public Mono<Void> enable() {
        return changing(client().putBucketVersioning(bucketName(), VersioningStatus.ENABLED));
    }

    /** Suspends versioning, existing versions stay (PutBucketVersioning); completes empty. */
    public Mono<Void> suspend() {
        return changing(client().putBucketVersioning(bucketName(), VersioningStatus.SUSPENDED));
    }
}
