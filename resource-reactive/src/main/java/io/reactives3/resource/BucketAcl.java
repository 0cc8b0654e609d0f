package io.reactives3.resource;

/**
 * A bucket's access control list (boto3's {@code BucketAcl}), identified by the bucket name. {@link #load()} sends
 * GetBucketAcl on first subscription and caches the answer in this instance; {@link #put} sends PutBucketAcl and
 * clears the cache.
 */
public final class BucketAcl extends AclResource<Bucket> {

    BucketAcl(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketAcl(bucket.name()),
                cannedAcl -> bucket.context().client().putBucketAcl(bucket.name(), cannedAcl));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return owner().name();
    }

    /** The bucket. */
    public Bucket bucket() {
        return owner();
    }
}
