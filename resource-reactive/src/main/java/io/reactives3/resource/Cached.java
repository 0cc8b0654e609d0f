package io.reactives3.resource;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A resource's lazily loaded attributes: {@link #get()} loads on first subscription and then serves the cached
 * value; {@link #refresh()} always loads and replaces it; {@link #clear()} forgets it.
 *
 * <p>Thread-safe without locks: concurrent first subscribers may each send a request (the last answer wins), which
 * keeps every subscription independently cancellable. Failures are not cached. The loader may complete empty (e.g.
 * "no policy"): use {@code Optional} values when "nothing" must be cached too.
 */
final class Cached<T> {

    private final Supplier<Mono<T>> loader;
    private final AtomicReference<T> value = new AtomicReference<>();

    Cached(Supplier<Mono<T>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The cached value, loading it on subscription when there is none. */
    Mono<T> get() {
        return Mono.defer(() -> {
            T current = value.get();
            return current != null ? Mono.just(current) : refresh();
        });
    }

    /** Loads on subscription and caches the answer. */
    Mono<T> refresh() {
        return Mono.defer(loader).doOnNext(value::set);
    }

    /** Caches {@code loaded} (an answer another request already carried). */
    void set(T loaded) {
        value.set(Objects.requireNonNull(loaded, "loaded"));
    }

    /** Forgets the cached value, so the next {@link #get()} loads again. */
    void clear() {
        value.set(null);
    }

    /** Passes {@code change} through, clearing the cache when it succeeds. */
    <R> Mono<R> clearingAfter(Mono<R> change) {
        return change.doOnSuccess(r -> clear());
    }
}
