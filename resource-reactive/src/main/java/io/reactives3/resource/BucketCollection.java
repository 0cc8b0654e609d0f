package io.reactives3.resource;

import io.reactives3.core.model.BucketSummary;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The caller's buckets (boto3's {@code s3.buckets}), in the store's order: an immutable description of a ListBuckets
 * listing; {@link #filter}, {@link #limit} and {@link #pageSize} return new collections; nothing is sent before
 * subscription. Errors (access denied, ...) arrive via {@code onError}; cancelling cancels the request.
 *
 * <p>The client's ListBuckets answers with every bucket in one response (as the stores this project targets do), so
 * a subscription sends exactly one ListBuckets; the prefix filter and {@link #pageSize} apply to that answer on the
 * client ({@link #pages()} groups it into pages of that size). Each bucket emitted knows its creation date.
 */
public final class BucketCollection extends ResourceCollection<BucketCollection, Bucket, BucketCollection.Cursor> {

    private final Context context;

    BucketCollection(Context context, Selection selection, Limits limits) {
        super("buckets", selection, limits, (s, l) -> new BucketCollection(context, s, l));
        this.context = context;
    }

    /** A collection of the buckets whose names start with the prefix (applied on the client). */
    public BucketCollection filter(Filter.ForBuckets... filters) {
        return filtered(filters);
    }

    /** The first page sends ListBuckets; the next ones are cut from its answer. */
    @Override
    Mono<Fetched<Cursor, Bucket>> fetch(Cursor cursor, int max) {
        String prefix = selection().prefix();
        Mono<List<BucketSummary>> listed = cursor != null ? Mono.just(cursor.buckets())
                : context.client().listBucketsPage().map(r -> r.buckets().stream()
                        .filter(b -> prefix == null || b.name().startsWith(prefix)).toList());
        int offset = cursor == null ? 0 : cursor.offset();
        return listed.map(buckets -> {
            int end = Math.min(buckets.size(), offset + max);
            return new Fetched<>(
                    buckets.subList(offset, end).stream().map(b -> Bucket.listed(context, b)).toList(),
                    List.of(),
                    end < buckets.size() ? new Cursor(buckets, end) : null);
        });
    }

    /** The rest of one ListBuckets answer. */
    record Cursor(List<BucketSummary> buckets, int offset) {
    }
}
