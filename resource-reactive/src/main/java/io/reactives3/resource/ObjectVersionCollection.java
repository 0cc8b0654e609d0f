package io.reactives3.resource;

import io.reactives3.core.model.ObjectIdentifier;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;

/**
 * Every version and delete marker in a bucket (boto3's {@code bucket.object_versions}): an immutable description of
 * a ListObjectVersions listing, behaving as {@link ObjectCollection} does (new collections from {@link #filter},
 * {@link #limit}, {@link #pageSize}; pages fetched only on demand; cancel stops requests).
 */
public final class ObjectVersionCollection {

    private final Bucket bucket;
    private final String prefix;
    private final String delimiter;
    private final String keyMarker;
    private final Limits limits;

    ObjectVersionCollection(Bucket bucket) {
        this(bucket, null, null, null, Limits.DEFAULT);
    }

    private ObjectVersionCollection(Bucket bucket, String prefix, String delimiter, String keyMarker,
                                    Limits limits) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.delimiter = delimiter;
        this.keyMarker = keyMarker;
        this.limits = limits;
    }

    /** A collection also selecting by {@code filters}: prefix, delimiter, start-after (sent as {@code key-marker}). */
    public ObjectVersionCollection filter(Filter.ForVersions... filters) {
        String nextPrefix = prefix;
        String nextDelimiter = delimiter;
        String nextKeyMarker = keyMarker;
        for (Filter.ForVersions filter : filters) {
            Objects.requireNonNull(filter, "filter must not be null");
            if (filter instanceof Filter.Prefix p) {
                nextPrefix = p.value();
            } else if (filter instanceof Filter.Delimiter d) {
                nextDelimiter = d.value();
            } else if (filter instanceof Filter.StartAfter s) {
                nextKeyMarker = s.key();
            }
        }
        return new ObjectVersionCollection(bucket, nextPrefix, nextDelimiter, nextKeyMarker, limits);
    }

    /** A collection emitting at most {@code count} versions; the last request asks only for those still missing. */
    public ObjectVersionCollection limit(long count) {
        return new ObjectVersionCollection(bucket, prefix, delimiter, keyMarker, limits.withLimit(count));
    }

    /** A collection asking for {@code size} versions per request ({@code max-keys}, 1..1,000; default 1,000). */
    public ObjectVersionCollection pageSize(int size) {
        return new ObjectVersionCollection(bucket, prefix, delimiter, keyMarker, limits.withPageSize(size));
    }

    /** Emits the selected versions and delete markers, by key then newest first, fetching pages on demand. */
    public Flux<ObjectVersion> all() {
        return Pager.items(pages());
    }

    /** Emits the selected versions page by page, one ListObjectVersions request per page, on demand. */
    public Flux<Page<ObjectVersion>> pages() {
        return Pager.pages(new Cursor(keyMarker, null), limits, this::fetch);
    }

    /**
     * Permanently deletes the selected versions and delete markers through the transfer engine's batched delete
     * (batches of at most 1,000, several in flight). Per-key failures are reported in the result.
     */
    public Transfer<BatchDeleteResult> delete() {
        return bucket.service().engine().deleteVersions(bucket.name(),
                all().map(v -> ObjectIdentifier.of(v.key(), v.versionId())));
    }

    /** The bucket listed. */
    public Bucket bucket() {
        return bucket;
    }

    private Mono<Fetched<Cursor, ObjectVersion>> fetch(Cursor cursor, int maxKeys) {
        ListObjectVersionsRequest request = ListObjectVersionsRequest.builder().bucket(bucket.name()).prefix(prefix)
                .delimiter(delimiter).keyMarker(cursor.keyMarker()).versionIdMarker(cursor.versionIdMarker())
                .maxKeys(maxKeys).build();
        return bucket.service().client().listObjectVersions(request)
                .map(page -> new Fetched<>(
                        page.versions().stream().map(v -> new ObjectVersion(bucket.service(), bucket.name(), v.key(),
                                v.versionId(), v)).toList(),
                        page.commonPrefixes(),
                        page.truncated() ? new Cursor(page.nextKeyMarker(), page.nextVersionIdMarker()) : null));
    }

    /** Where a ListObjectVersions page starts. */
    private record Cursor(String keyMarker, String versionIdMarker) {
    }

    @Override
    public String toString() {
        return "ObjectVersionCollection[" + bucket.name() + ", prefix=" + prefix + ", delimiter=" + delimiter
                + ", startAfter=" + keyMarker + ", " + limits + "]";
    }
}
