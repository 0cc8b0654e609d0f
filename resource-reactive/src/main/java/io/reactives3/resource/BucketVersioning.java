package io.reactives3.resource;

import io.reactives3.core.model.BucketVersioningResult;
import io.reactives3.core.model.VersioningStatus;
import reactor.core.publisher.Mono;

/**
 * A bucket's versioning configuration (boto3's {@code BucketVersioning}), identified by the bucket name. Attributes
 * load on first subscription and are cached in this instance; {@link #enable()} and {@link #suspend()} clear the
 * cache.
 */
public final class BucketVersioning {

    private final Bucket bucket;
    private final Cached<BucketVersioningResult> versioning;

    BucketVersioning(Bucket bucket) {
        this.bucket = bucket;
        this.versioning = new Cached<>(() -> bucket.service().client().getBucketVersioning(bucket.name()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /** Emits the configuration (GetBucketVersioning on first subscription, then cached). */
    public Mono<BucketVersioningResult> load() {
        return versioning.get();
    }

    /** Sends GetBucketVersioning again and caches the answer. */
    public Mono<BucketVersioningResult> reload() {
        return versioning.refresh();
    }

    /** Emits the versioning state ({@link VersioningStatus#UNVERSIONED} if never enabled), from {@link #load()}. */
    public Mono<VersioningStatus> status() {
        return load().map(BucketVersioningResult::status);
    }

    /** Enables versioning; completes empty. */
    public Mono<Void> enable() {
        return versioning.clearingAfter(bucket.service().client().putBucketVersioning(bucket.name(),
                VersioningStatus.ENABLED));
    }

    /** Suspends versioning (existing versions stay); completes empty. */
    public Mono<Void> suspend() {
        return versioning.clearingAfter(bucket.service().client().putBucketVersioning(bucket.name(),
                VersioningStatus.SUSPENDED));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketVersioning other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketVersioning[" + bucket.name() + "]";
    }
}
