package io.reactives3.resource;

import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * What every collection shares: an immutable description of a listing (what its filters selected, its limit and
 * page size) whose {@code filter}, {@link #limit} and {@link #pageSize} return new collections, and whose items are
 * the items of its {@link #pages()}.
 *
 * <p>A subclass names the listing request: it implements {@link #pages()} (usually {@link Pager#pages} over its
 * one-page fetch) and {@link #with} (a copy of itself with another selection and limits).
 *
 * @param <C> the collection's own class, which {@code filter}, {@code limit} and {@code pageSize} return
 * @param <T> the items listed
 */
abstract class ResourceCollection<C extends ResourceCollection<C, T>, T> {

    private final Selection selection;
    private final Limits limits;

    ResourceCollection(Selection selection, Limits limits) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * A collection emitting at most {@code count} items ({@code >= 0}): no page is fetched once they were emitted,
     * and the last request asks only for the items still missing (with {@code limit(5)}, the first request asks for
     * 5). Sends nothing.
     *
     * @throws io.reactives3.core.error.InvalidInputException when {@code count < 0}
     */
    public C limit(long count) {
        return with(selection, limits.withLimit(count));
    }

    /**
     * A collection asking for {@code size} items per request (1..1,000; default 1,000). Sends nothing.
     *
     * @throws io.reactives3.core.error.InvalidInputException when {@code size} is out of range
     */
    public C pageSize(int size) {
        return with(selection, limits.withPageSize(size));
    }

    /**
     * Emits the selected items in the listing's order, fetching pages on demand: a page is requested only when the
     * subscriber wants an item beyond the pages so far received ({@code all().take(5)} sends one request). Errors
     * (no such bucket, access denied, ...) arrive via {@code onError}; cancelling cancels the request in flight and
     * sends no further one.
     */
    public Flux<T> all() {
        return Pager.items(pages());
    }

    /**
     * Emits the selected items page by page, one listing request per page, each sent only when the subscriber
     * requests a page. Errors and cancel as for {@link #all()}.
     */
    public abstract Flux<Page<T>> pages();

    /** A collection also selecting by {@code filters}; for the subclasses' type-checked {@code filter} methods. */
    final C filtered(Filter... filters) {
        return with(selection.with(filters), limits);
    }

    /** A copy of this collection with {@code selection} and {@code limits}. */
    abstract C with(Selection selection, Limits limits);

    final Selection selection() {
        return selection;
    }

    final Limits limits() {
        return limits;
    }

    /** Where this collection lists (a bucket, an upload, ...), for {@link #toString()}. */
    abstract Object scope();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + scope() + ", " + selection + ", " + limits + "]";
    }
}
