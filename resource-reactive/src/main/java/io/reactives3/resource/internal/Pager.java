package io.reactives3.resource.internal;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.spi.Pages;
import io.reactives3.resource.model.Page;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns "fetch one page after this cursor" into the demand-driven {@link Flux} of pages behind every resource
 * collection, honouring the collection's limit and page size.
 *
 * <p>Rules: a page is requested from the store only when the subscriber has requested a page and the previous one
 * has arrived (no page is fetched ahead of demand); each request asks for {@code min(pageSize, limit - emitted)}
 * items, so a limit smaller than the page size shrinks the request; the flux completes after the store's last page
 * or as soon as {@code limit} items were emitted (a page that would overshoot is trimmed). Cancelling cancels the
 * request in flight and sends no further one. {@link #items} flattens pages with the same discipline: the next page
 * is requested only when an item beyond the current page is.
 */
public final class Pager {

    /** The largest page a listing request may ask for (S3's {@code max-keys} ceiling). */
    public static final int MAX_PAGE_SIZE = 1000;

    private Pager() {
    }

    /**
     * What one listing request returned.
     *
     * @param items          the page's items (after any filter applied on the client)
     * @param commonPrefixes rolled-up prefixes, or empty
     * @param next           the cursor of the next page, or {@code null} when this was the last page
     * @param <C>            the cursor type
     * @param <T>            the item type
     */
    public record Fetched<C, T>(List<T> items, List<String> commonPrefixes, C next) {
        public Fetched {
            items = List.copyOf(items);
            commonPrefixes = List.copyOf(commonPrefixes);
        }
    }

    /**
     * Fetches one page.
     *
     * @param <C> the cursor type
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface PageFetcher<C, T> {
        /**
         * A cold Mono of the page starting at {@code cursor} (the collection's start cursor for the first page),
         * asking the store for at most {@code maxItems} items.
         */
        Mono<Fetched<C, T>> fetch(C cursor, int maxItems);
    }

    /**
     * How much of a collection to read.
     *
     * @param limit    the most items to emit in all, {@code >= 0}; {@link Long#MAX_VALUE} for no limit
     * @param pageSize the most items to ask for per request, 1..{@link #MAX_PAGE_SIZE}
     */
    public record Limits(long limit, int pageSize) {
        /** Everything, {@link #MAX_PAGE_SIZE} items per request. */
        public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, MAX_PAGE_SIZE);

        public Limits {
            if (limit < 0) {
                throw new InvalidInputException("limit must be >= 0, got " + limit);
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidInputException("pageSize must be within 1.." + MAX_PAGE_SIZE + ", got " + pageSize);
            }
        }

        /** A copy with {@code limit}. */
        public Limits withLimit(long limit) {
            return new Limits(limit, pageSize);
        }

        /** A copy with {@code pageSize}. */
        public Limits withPageSize(int pageSize) {
            return new Limits(limit, pageSize);
        }

        int requestSize(long emitted) {
            return (int) Math.min(pageSize, limit - emitted);
        }
    }

    /**
     * The pages of a collection, fetched on demand from {@code start}; see the class description.
     *
     * @param start   the first page's cursor ({@code null} when the listing starts at the beginning)
     * @param limits  limit and page size
     * @param fetcher fetches one page
     */
    public static <C, T> Flux<Page<T>> pages(C start, Limits limits, PageFetcher<C, T> fetcher) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(fetcher, "fetcher");
        if (limits.limit() == 0) {
            return Flux.empty();
        }
        return Flux.defer(() -> {
            Walk<C, T> walk = new Walk<>(start, limits, fetcher);
            // generate offers the walk once per page; concatMap without prefetch maps the next one as soon as the
            // previous page arrived, so the fetch itself waits for the subscriber's request (Pages.onRequest)
            return Flux.<Walk<C, T>>generate(sink -> sink.next(walk))
                    .concatMap(w -> Pages.onRequest(Mono.defer(w::next)), 0)
                    .takeUntil(Step::last)
                    .map(Step::page);
        });
    }

    /**
     * The items of {@code pages}, in order; the next page is requested only when the subscriber requests an item
     * beyond the current page (so demand ending on a page boundary fetches nothing more).
     */
    public static <T> Flux<T> items(Flux<Page<T>> pages) {
        return Pages.items(pages, Page::items);
    }

    private record Step<T>(Page<T> page, boolean last) {
    }

    /** The position of one subscription in its listing; touched by one page at a time (concatMap serialises). */
    private static final class Walk<C, T> {
        private final Limits limits;
        private final PageFetcher<C, T> fetcher;
        private C cursor;
        private long emitted;

        Walk(C start, Limits limits, PageFetcher<C, T> fetcher) {
            this.cursor = start;
            this.limits = limits;
            this.fetcher = fetcher;
        }

        Mono<Step<T>> next() {
            return fetcher.fetch(cursor, limits.requestSize(emitted)).map(this::advance);
        }

        private Step<T> advance(Fetched<C, T> fetched) {
            List<T> items = fetched.items();
            long room = limits.limit() - emitted;
            if (items.size() > room) {
                items = items.subList(0, (int) room);
            }
            emitted += items.size();
            C next = fetched.next();
            if (next != null && next.equals(cursor)) {
                throw new IllegalStateException("the store answered a listing page with the cursor it was asked "
                        + "for (" + next + "); stopping instead of looping forever");
            }
            cursor = next;
            return new Step<>(new Page<>(items, fetched.commonPrefixes()), next == null || emitted >= limits.limit());
        }
    }
}
