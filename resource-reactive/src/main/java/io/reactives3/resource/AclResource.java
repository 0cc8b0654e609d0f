package io.reactives3.resource;

import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.AclGrant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What {@link BucketAcl} and {@link ObjectAcl} share: an access control list, read with one Get request and
 * replaced with a canned ACL. They differ only in the resource they belong to and the requests they send.
 *
 * @param <O> the resource the ACL belongs to: a {@link Bucket} or an {@link S3Object}
 */
abstract class AclResource<O> extends SubResource<O, AclResult> {

    private final Function<CannedAcl, Mono<Void>> putter;

    /**
     * @param owner  the bucket or object
     * @param loader sends GetBucketAcl or GetObjectAcl
     * @param putter sends PutBucketAcl or PutObjectAcl with the given canned ACL
     */
    AclResource(O owner, Supplier<Mono<AclResult>> loader, Function<CannedAcl, Mono<Void>> putter) {
        super(owner, loader);
        this.putter = Objects.requireNonNull(putter, "putter");
    }

    /** Emits the grants, from {@link #load()} (so errors and cancel as there). */
    public Mono<List<AclGrant>> grants() {
        return load().map(AclResult::grants);
    }

    /**
     * Replaces the ACL with a canned one, e.g. {@link CannedAcl#PUBLIC_READ}; completes empty and clears the cached
     * ACL. Errors (access denied, a canned ACL the resource does not accept, ...) arrive via {@code onError};
     * cancelling cancels the request (the store may still apply it).
     */
    public Mono<Void> put(CannedAcl cannedAcl) {
        return changing(putter.apply(cannedAcl));
    }
}
