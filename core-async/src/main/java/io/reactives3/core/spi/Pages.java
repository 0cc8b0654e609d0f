package io.reactives3.core.spi;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demand-driven pagination: a page is fetched only when downstream requests it.
 *
 * <p>Why not plain {@code fetch(first).expand(next)}: {@code expand} subscribes to the next page's publisher as soon as
 * the previous one completes, whatever the demand, and a cold {@code Mono.fromFuture(supplier)} starts its HTTP
 * request on <em>subscribe</em>, not on request. Together they would always fetch one page ahead of demand (and a
 * cancel right after the first page would race a request already sent). {@link #onRequest(Mono)} moves the start
 * from subscribe to the first {@code request(n)}, so the pages Flux sends exactly as many requests as pages were
 * requested.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * The pages starting with {@code first}; {@code next} gives the call for the page after a given page, or
     * {@code null} when it was the last. Each call starts only when its page is requested; cancel stops the
     * in-flight call and sends no further request.
     */
    public static <P> Flux<P> pages(Mono<P> first, Function<P, Mono<P>> next) {
        return onRequest(first).expand(page -> {
            Mono<P> call = next.apply(page);
            // the last page: complete right away (an onRequest(empty) would wait for demand before completing)
            return call == null ? Mono.empty() : onRequest(call);
        });
    }

    /**
     * The items of every page, in order. Nothing is fetched before the first request, and the next page only when
     * an item beyond the current page is requested: demand ending on a page boundary fetches nothing more.
     */
    public static <P, T> Flux<T> items(Flux<P> pages, Function<P, ? extends Iterable<T>> items) {
        // prefetch 0: concatMap asks for one page at a time, once the previous page's items are out; the inner
        // generate completes only when asked for one more item, so the next page waits for real demand
        // (Flux.fromIterable would complete right after the last item and pull the next page early)
        return pages.concatMap(page -> Flux.<T, Iterator<T>>generate(() -> items.apply(page).iterator(),
                (it, sink) -> {
                    if (it.hasNext()) {
                        sink.next(it.next());
                    } else {
                        sink.complete();
                    }
                    return it;
                }), 0);
    }

    /** {@code call}, subscribed on the first {@code request(n)} instead of on subscribe. */
    public static <T> Mono<T> onRequest(Mono<T> call) {
        return Mono.create(sink -> {
            AtomicBoolean started = new AtomicBoolean();
            Disposable.Swap inFlight = Disposables.swap();
            sink.onCancel(inFlight);
            sink.onRequest(n -> {
                // MonoSink also runs this for a sink cancelled before onRequest was registered: start nothing then
                if (!inFlight.isDisposed() && started.compareAndSet(false, true)) {
                    // exactly one terminal call on the sink: a value arriving before the request is recorded
                    // (synchronously, inside request(n)) is held by the sink, and a later empty success() would
                    // replace it
                    inFlight.update(call.contextWrite(sink.contextView())
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .subscribe(value -> sink.success(value.orElse(null)), sink::error));
                }
            });
        });
    }
}
