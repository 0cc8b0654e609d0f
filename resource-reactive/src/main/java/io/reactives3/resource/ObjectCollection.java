package io.reactives3.resource;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.model.Page;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The objects of a bucket (boto3's {@code bucket.objects}): an immutable description of a ListObjectsV2 listing.
 * {@link #filter}, {@link #limit} and {@link #pageSize} return new collections; nothing is sent until a flux from
 * {@link #all()} or {@link #pages()} is subscribed, and then a page is requested only when the subscriber wants more
 * than the pages so far held: {@code all().take(5)} sends one ListObjectsV2 whatever the bucket's size. Cancelling
 * cancels the request in flight and sends no further one. Errors: {@link BucketNotFoundException},
 * {@link io.reactives3.core.error.AccessDeniedException}, ... via {@code onError}.
 */
public final class ObjectCollection {

    private final Bucket bucket;
    private final ListObjectsOptions options;
    private final Limits limits;

    ObjectCollection(Bucket bucket) {
        this(bucket, ListObjectsOptions.defaults(), Limits.DEFAULT);
    }

    private ObjectCollection(Bucket bucket, ListObjectsOptions options, Limits limits) {
        this.bucket = bucket;
        this.options = options;
        this.limits = limits;
    }

    /** A collection also selecting by {@code filters}: prefix, delimiter, start-after (a later one of a kind wins). */
    public ObjectCollection filter(Filter.ForObjects... filters) {
        ListObjectsOptions.Builder next = options.toBuilder();
        for (Filter.ForObjects filter : filters) {
            Objects.requireNonNull(filter, "filter must not be null");
            if (filter instanceof Filter.Prefix prefix) {
                next.prefix(prefix.value());
            } else if (filter instanceof Filter.Delimiter delimiter) {
                next.delimiter(delimiter.value());
            } else if (filter instanceof Filter.StartAfter startAfter) {
                next.startAfter(startAfter.key());
            }
        }
        return new ObjectCollection(bucket, next.build(), limits);
    }

    /**
     * A collection emitting at most {@code count} objects ({@code >= 0}): no page is fetched once they were emitted,
     * and the last request asks only for the objects still missing (limit(5) sends {@code max-keys=5}).
     */
    public ObjectCollection limit(long count) {
        return new ObjectCollection(bucket, options, limits.withLimit(count));
    }

    /** A collection asking for {@code size} objects per request ({@code max-keys}, 1..1,000; default 1,000). */
    public ObjectCollection pageSize(int size) {
        return new ObjectCollection(bucket, options, limits.withPageSize(size));
    }

    /** Emits the selected objects in key order, fetching pages on demand (see the class description). */
    public Flux<ObjectSummary> all() {
        return Pager.items(pages());
    }

    /** Emits the selected objects page by page, one ListObjectsV2 request per page, on demand. */
    public Flux<Page<ObjectSummary>> pages() {
        return Pager.pages(null, limits, this::fetch);
    }

    /**
     * Deletes the selected objects through the transfer engine's batched delete (DeleteObjects batches of at most
     * 1,000 keys, several in flight), listing them as batches can be sent. Per-key failures are reported in the
     * {@link BatchDeleteResult}, not as an error; a listing failure arrives via {@code onError}. Cancelling stops
     * listing and deleting (batches already sent stay deleted).
     */
    public Transfer<BatchDeleteResult> delete() {
        return bucket.service().engine().deleteObjects(bucket.name(), all().map(ObjectSummary::key));
    }

    /** The bucket listed. */
    public Bucket bucket() {
        return bucket;
    }

    private Mono<Fetched<String, ObjectSummary>> fetch(String continuationToken, int maxKeys) {
        ListObjectsOptions request = options.toBuilder().continuationToken(continuationToken).pageSize(maxKeys)
                .build();
        return bucket.service().client().listObjectsV2(bucket.name(), request)
                .map(page -> new Fetched<>(
                        page.objects().stream().map(o -> new ObjectSummary(bucket.service(), bucket.name(), o))
                                .toList(),
                        page.commonPrefixes(),
                        page.truncated() ? page.nextContinuationToken() : null));
    }

    @Override
    public String toString() {
        return "ObjectCollection[" + bucket.name() + ", prefix=" + options.prefix() + ", delimiter="
                + options.delimiter() + ", startAfter=" + options.startAfter() + ", " + limits + "]";
    }
}
