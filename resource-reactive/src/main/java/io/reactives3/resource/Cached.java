package io.reactives3.resource;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A resource's lazily loaded attributes: {@link #get()} loads on first subscription and then serves the cached
 * answer; {@link #refresh()} always loads and replaces it; {@link #clear()} forgets it.
 *
 * <p>An answer may be "nothing" (the loader completes empty, e.g. a bucket without a policy): that is cached too,
 * and served as an empty {@link Mono}.
 *
 * <p>Thread-safe without locks: concurrent first subscribers may each send a request (the last answer wins), which
 * keeps every subscription independently cancellable. Failures are not cached.
 */
final class Cached<T> {

    private final Supplier<Mono<T>> loader;
    /** {@code null} until something was loaded; then the answer, {@link Optional#empty()} for "nothing". */
    private final AtomicReference<Optional<T>> answer = new AtomicReference<>();

    Cached(Supplier<Mono<T>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The cached answer, loading it on subscription when there is none. */
    Mono<T> get() {
        return Mono.defer(() -> {
            Optional<T> current = answer.get();
            return current != null ? Mono.justOrEmpty(current) : refresh();
        });
    }

    /** Loads on subscription and caches the answer (an empty one too). */
    Mono<T> refresh() {
        return Mono.defer(loader)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(answer::set)
                .flatMap(Mono::justOrEmpty);
    }

    /** Caches {@code loaded} (an answer another request already carried). */
    void set(T loaded) {
        answer.set(Optional.of(loaded));
    }

    /** Forgets the cached answer, so the next {@link #get()} loads again. */
    void clear() {
        answer.set(null);
    }

    /** Passes {@code change} through, clearing the cache when it succeeds. */
    <R> Mono<R> clearingAfter(Mono<R> change) {
        return change.doOnSuccess(r -> clear());
    }
}
