package io.reactives3.resource;

import io.reactives3.core.model.BucketSummary;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's buckets (boto3's {@code s3.buckets}): an immutable description of a ListBuckets listing;
 * {@link #filter}, {@link #limit} and {@link #pageSize} return new collections; nothing is sent before subscription.
 *
 * <p>The client's ListBuckets answers with every bucket in one response (as the stores this project targets do), so
 * a subscription sends exactly one ListBuckets; the prefix filter and {@link #pageSize} apply to that answer on the
 * client ({@link #pages()} groups it into pages of that size).
 */
public final class BucketCollection {

    private final ReactiveS3 s3;
    private final String prefix;
    private final Limits limits;

    BucketCollection(ReactiveS3 s3) {
        this(s3, null, Limits.DEFAULT);
    }

    private BucketCollection(ReactiveS3 s3, String prefix, Limits limits) {
        this.s3 = s3;
        this.prefix = prefix;
        this.limits = limits;
    }

    /** A collection of the buckets whose names start with the prefix (applied on the client). */
    public BucketCollection filter(Filter.ForBuckets... filters) {
        String nextPrefix = prefix;
        for (Filter.ForBuckets filter : filters) {
            Objects.requireNonNull(filter, "filter must not be null");
            if (filter instanceof Filter.Prefix p) {
                nextPrefix = p.value();
            }
        }
        return new BucketCollection(s3, nextPrefix, limits);
    }

    /** A collection emitting at most {@code count} buckets. */
    public BucketCollection limit(long count) {
        return new BucketCollection(s3, prefix, limits.withLimit(count));
    }

    /** A collection whose {@link #pages()} hold at most {@code size} buckets (1..1,000; default 1,000). */
    public BucketCollection pageSize(int size) {
        return new BucketCollection(s3, prefix, limits.withPageSize(size));
    }

    /** Emits the selected buckets in the store's order (each knows its creation date). */
    public Flux<Bucket> all() {
        return Pager.items(pages());
    }

    /** Emits the selected buckets in pages of {@link #pageSize} from one ListBuckets answer. */
    public Flux<Page<Bucket>> pages() {
        return Pager.pages(null, limits, this::fetch);
    }

    private Mono<Fetched<Cursor, Bucket>> fetch(Cursor cursor, int max) {
        Mono<List<BucketSummary>> listed = cursor != null ? Mono.just(cursor.buckets())
                : s3.client().listBuckets().map(r -> r.buckets().stream()
                        .filter(b -> prefix == null || b.name().startsWith(prefix)).toList());
        int offset = cursor == null ? 0 : cursor.offset();
        return listed.map(buckets -> {
            int end = Math.min(buckets.size(), offset + max);
            return new Fetched<>(
                    buckets.subList(offset, end).stream().map(b -> Bucket.listed(s3, b)).toList(),
                    List.of(),
                    end < buckets.size() ? new Cursor(buckets, end) : null);
        });
    }

    /** The rest of one ListBuckets answer. */
    private record Cursor(List<BucketSummary> buckets, int offset) {
    }

    @Override
    public String toString() {
        return "BucketCollection[prefix=" + prefix + ", " + limits + "]";
    }
}
