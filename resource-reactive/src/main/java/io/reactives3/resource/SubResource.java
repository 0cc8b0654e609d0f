package io.reactives3.resource;

import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What every sub-resource (an ACL, a bucket's versioning, tags, policy, lifecycle rules, CORS rules) shares: the
 * resource it belongs to, which is its identity, and one configuration that {@link #load()} sends the sub-resource's
 * Get request for and caches (see {@link CachedResource}). Two sub-resources are equal when they are of the same
 * class and belong to equal resources; {@code toString} shows the owner, e.g. {@code BucketCors[Bucket[photos]]}.
 *
 * @param <O> the resource it belongs to: a {@link Bucket} or an {@link S3Object}
 * @param <T> what {@link #load()} emits
 */
abstract class SubResource<O, T> extends CachedResource<T> {

    private final O owner;

    /**
     * @param owner  the resource this sub-resource belongs to
     * @param loader sends the Get request (called once per load, on subscription)
     */
    SubResource(O owner, Supplier<Mono<T>> loader) {
        super(loader, Objects.requireNonNull(owner, "owner").toString(), owner);
        this.owner = owner;
    }

    /** The resource this sub-resource belongs to. */
    final O owner() {
        return owner;
    }
}
