package io.reactives3.resource;

import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What every sub-resource (an ACL, a bucket's versioning, tags, policy, lifecycle rules, CORS rules) shares: the
 * resource it belongs to, which is its identity, and one configuration that is loaded lazily and cached.
 *
 * <p>{@link #load()} sends the sub-resource's Get request on first subscription and caches the answer in this
 * instance; {@link #reload()} always asks again and replaces it; the changes a subclass sends through
 * {@link #changing} clear it. Two sub-resources are equal when they are of the same class and belong to equal
 * resources.
 *
 * @param <O> the resource it belongs to: a {@link Bucket} or an {@link S3Object}
 * @param <T> what {@link #load()} emits
 */
abstract class SubResource<O, T> {

    private final O owner;
    private final Cached<T> configuration;

    /**
     * @param owner  the resource this sub-resource belongs to
     * @param loader sends the Get request (called once per load, on subscription)
     */
    SubResource(O owner, Supplier<Mono<T>> loader) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.configuration = new Cached<>(loader);
    }

    /**
     * Emits the configuration: sends the Get request on first subscription, then serves the cached answer. Errors
     * (no such bucket or object, access denied, ...) arrive via {@code onError}; cancelling cancels the request in
     * flight.
     */
    public Mono<T> load() {
        return configuration.get();
    }

    /**
     * Sends the Get request again on subscription and caches the answer; emits it. Errors and cancel as for
     * {@link #load()}.
     */
    public Mono<T> reload() {
        return configuration.refresh();
    }

    /** The resource this sub-resource belongs to. */
    final O owner() {
        return owner;
    }

    /** Passes {@code change} (a request changing the configuration) through, clearing the cache when it succeeds. */
    final <R> Mono<R> changing(Mono<R> change) {
        return configuration.clearingAfter(change);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && owner.equals(((SubResource<?, ?>) o).owner);
    }

    @Override
    public final int hashCode() {
        return owner.hashCode();
    }

    /** The class name and the owner, e.g. {@code BucketCors[Bucket[photos]]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + owner + "]";
    }
}
