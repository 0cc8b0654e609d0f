package io.reactives3.resource;

import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.Grant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A bucket's access control list (boto3's {@code BucketAcl}), identified by the bucket name. Attributes load on first
 * subscription and are cached in this instance; {@link #put} clears the cache.
 */
public final class BucketAcl {

    private final Bucket bucket;
    private final Cached<AclResult> acl;

    BucketAcl(Bucket bucket) {
        this.bucket = bucket;
        this.acl = new Cached<>(() -> bucket.service().client().getBucketAcl(bucket.name()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /** Emits the ACL (GetBucketAcl on first subscription, then cached). */
    public Mono<AclResult> load() {
        return acl.get();
    }

    /** Sends GetBucketAcl again and caches the answer. */
    public Mono<AclResult> reload() {
        return acl.refresh();
    }

    /** Emits the grants, from {@link #load()}. */
    public Mono<List<Grant>> grants() {
        return load().map(AclResult::grants);
    }

    /** Replaces the ACL with a canned one; completes empty. */
    public Mono<Void> put(CannedAcl cannedAcl) {
        return acl.clearingAfter(bucket.service().client().putBucketAcl(bucket.name(), cannedAcl));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketAcl other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketAcl[" + bucket.name() + "]";
    }
}
