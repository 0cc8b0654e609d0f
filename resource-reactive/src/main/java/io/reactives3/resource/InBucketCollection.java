package io.reactives3.resource;

import io.reactives3.resource.internal.Pager.Limits;

/**
 * A collection listing inside one bucket (its objects, versions, multipart uploads): what they share besides
 * {@link ResourceCollection} is the bucket.
 *
 * @param <C> the collection's own class
 * @param <T> the items listed
 * @param <K> the page cursor
 */
abstract class InBucketCollection<C extends InBucketCollection<C, T, K>, T, K> extends ResourceCollection<C, T, K> {

    private final Bucket bucket;

    InBucketCollection(Bucket bucket, Selection selection, Limits limits, Copier<C> copier) {
        super(bucket, selection, limits, copier);
        this.bucket = bucket;
    }

    /** The bucket listed. */
    public Bucket bucket() {
        return bucket;
    }

    /** The listed bucket's name, for the listing requests. */
    final String bucketName() {
        return bucket.name();
    }

    /** The client and engine the requests go through. */
    final Context context() {
        return bucket.context();
    }
}
