package io.reactives3.resource;

import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.Grant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * An object's access control list (boto3's {@code ObjectAcl}), identified by bucket name and key. Attributes load on
 * first subscription and are cached in this instance; {@link #put} clears the cache.
 */
public final class ObjectAcl {

    private final S3Object object;
    private final Cached<AclResult> acl;

    ObjectAcl(S3Object object) {
        this.object = object;
        this.acl = new Cached<>(() -> object.service().client().getObjectAcl(object.bucketName(), object.key()));
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return object.bucketName();
    }

    /** The key (an identifier). */
    public String key() {
        return object.key();
    }

    /** Emits the ACL (GetObjectAcl on first subscription, then cached). */
    public Mono<AclResult> load() {
        return acl.get();
    }

    /** Sends GetObjectAcl again and caches the answer. */
    public Mono<AclResult> reload() {
        return acl.refresh();
    }

    /** Emits the grants, from {@link #load()}. */
    public Mono<List<Grant>> grants() {
        return load().map(AclResult::grants);
    }

    /** Replaces the ACL with a canned one, e.g. {@link CannedAcl#PUBLIC_READ}; completes empty. */
    public Mono<Void> put(CannedAcl cannedAcl) {
        return acl.clearingAfter(object.service().client().putObjectAcl(object.bucketName(), object.key(),
                cannedAcl));
    }

    /** The object. */
    public S3Object object() {
        return object;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectAcl other && object.equals(other.object);
    }

    @Override
    public int hashCode() {
        return object.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectAcl[" + object.bucketName() + "/" + object.key() + "]";
    }
}
