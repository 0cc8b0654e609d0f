package io.reactives3.resource;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A resource with attributes loaded lazily and cached in the instance: a bucket's or object's head, a sub-resource's
 * configuration. {@link #load()} sends the resource's Head or Get request on first subscription and caches the
 * answer; {@link #reload()} always asks again and replaces it; this instance's own changes (sent through
 * {@link #changing}) clear it. Two instances for the same resource keep separate caches.
 *
 * @param <T> what {@link #load()} emits
 */
abstract class CachedResource<T> extends Resource {

    private final Cached<T> attributes;

    /**
     * @param loader      sends the Head or Get request (called once per load, on subscription)
     * @param description see {@link Resource}
     * @param identifiers see {@link Resource}
     */
    CachedResource(Supplier<Mono<T>> loader, String description, Object... identifiers) {
        super(description, identifiers);
        this.attributes = new Cached<>(loader);
    }

    /**
     * Emits the attributes: sends the Head or Get request on first subscription, then serves the cached answer.
     * Errors (no such bucket or object, access denied, ...) arrive via {@code onError} and are not cached;
     * cancelling cancels the request in flight.
     */
    public Mono<T> load() {
        return attributes.get();
    }

    /**
     * Sends the Head or Get request again on subscription and caches the answer: sees changes made since the last
     * load. Emits it; errors and cancel as for {@link #load()}.
     */
    public Mono<T> reload() {
        return attributes.refresh();
    }

    /** Passes {@code change} (a request changing the resource) through, clearing the cache when it succeeds. */
    final <R> Mono<R> changing(Mono<R> change) {
        return attributes.clearingAfter(change);
    }

    /** Caches {@code loaded}, an answer another request (a waiter) already carried. */
    final void loaded(T loaded) {
        attributes.set(loaded);
    }
}
