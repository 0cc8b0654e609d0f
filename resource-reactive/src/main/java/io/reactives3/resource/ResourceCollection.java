package io.reactives3.resource;

import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every collection shares: an immutable description of a listing (what its filters selected, its limit and
 * page size) whose {@code filter}, {@link #limit} and {@link #pageSize} return new collections, and whose items are
 * the items of its {@link #pages()}.
 *
 * <p>A subclass names the listing request and nothing else: it implements {@link #fetch} (one page from a cursor)
 * and passes a {@link Copier} that makes a copy of it with another selection and limits.
 *
 * @param <C> the collection's own class, which {@code filter}, {@code limit} and {@code pageSize} return
 * @param <T> the items listed
 * @param <K> the cursor from which a page is fetched (a continuation token, markers, ...)
 */
abstract class ResourceCollection<C extends ResourceCollection<C, T, K>, T, K> {

    /** Makes a collection like this one with another selection and limits. */
    interface Copier<C> {
        C copy(Selection selection, Limits limits);
    }

    private final Object scope;
    private final Selection selection;
    private final Limits limits;
    private final Copier<C> copier;

    /**
     * @param scope     where the collection lists (a bucket, an upload, ...), for {@link #toString()}
     * @param selection what the filters selected
     * @param limits    limit and page size
     * @param copier    makes the copies {@code filter}, {@link #limit} and {@link #pageSize} return
     */
    ResourceCollection(Object scope, Selection selection, Limits limits, Copier<C> copier) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.copier = Objects.requireNonNull(copier, "copier");
    }

    /**
     * A collection emitting at most {@code count} items ({@code >= 0}): no page is fetched once they were emitted,
     * and the last request asks only for the items still missing (with {@code limit(5)}, the first request asks for
     * 5). Sends nothing.
     *
     * @throws io.reactives3.core.error.InvalidInputException when {@code count < 0}
     */
    public C limit(long count) {
        return copier.copy(selection, limits.withLimit(count));
    }

    /**
     * A collection asking for {@code size} items per request (1..1,000; default 1,000). Sends nothing.
     *
     * @throws io.reactives3.core.error.InvalidInputException when {@code size} is out of range
     */
    public C pageSize(int size) {
        return copier.copy(selection, limits.withPageSize(size));
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
    public Flux<Page<T>> pages() {
        return Pager.pages(null, limits, this::fetch);
    }

    /**
     * Fetches the page starting at {@code cursor} ({@code null} for the first page): at most {@code max} items, and
     * the next page's cursor ({@code null} on the last page).
     */
    abstract Mono<Fetched<K, T>> fetch(K cursor, int max);

    /** A collection also selecting by {@code filters}; for the subclasses' type-checked {@code filter} methods. */
    final C filtered(Filter... filters) {
        return copier.copy(selection.with(filters), limits);
    }

    final Selection selection() {
        return selection;
    }

    final Limits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + scope + ", " + selection + ", " + limits + "]";
    }
}
