package io.reactives3.resource;

import io.reactives3.core.ListObjectVersionsOptions;
import io.reactives3.core.model.ObjectIdentifier;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.BatchDeleteResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every version and delete marker in a bucket (boto3's {@code bucket.object_versions}), by key then newest first: an
 * immutable description of a ListObjectVersions listing, behaving as {@link ObjectCollection} does (new collections
 * from {@link #filter}, {@link #limit}, {@link #pageSize} ({@code max-keys}); pages fetched only on demand; errors
 * via {@code onError}; cancel stops requests).
 */
public final class ObjectVersionCollection extends ResourceCollection<ObjectVersionCollection, ObjectVersion> {

    private final Bucket bucket;

    ObjectVersionCollection(Bucket bucket, Selection selection, Limits limits) {
        super(selection, limits);
        this.bucket = bucket;
    }

    /** A collection also selecting by {@code filters}: prefix, delimiter, start-after (sent as {@code key-marker}). */
    public ObjectVersionCollection filter(Filter.ForVersions... filters) {
        return filtered(filters);
    }

    /** Emits the selected versions page by page, one ListObjectVersions request per page, on demand. */
    @Override
    public Flux<Page<ObjectVersion>> pages() {
        return Pager.pages(new Cursor(selection().startAfter(), null), limits(), this::fetch);
    }

    /**
     * Permanently deletes the selected versions and delete markers through the transfer engine's batched delete
     * (batches of at most 1,000, several in flight). Per-key failures are reported in the result; a listing failure
     * arrives via {@code onError}. Cancelling stops listing and deleting (batches already sent stay deleted).
     */
    public Transfer<BatchDeleteResult> delete() {
        return bucket.context().engine().deleteVersions(bucket.name(),
                all().map(v -> ObjectIdentifier.of(v.key(), v.versionId())));
    }

    /** The bucket listed. */
    public Bucket bucket() {
        return bucket;
    }

    private Mono<Fetched<Cursor, ObjectVersion>> fetch(Cursor cursor, int maxKeys) {
        ListObjectVersionsOptions options = ListObjectVersionsOptions.builder().prefix(selection().prefix())
                .delimiter(selection().delimiter()).keyMarker(cursor.keyMarker())
                .versionIdMarker(cursor.versionIdMarker()).pageSize(maxKeys).build();
        return bucket.context().client().listObjectVersionsPage(bucket.name(), options)
                .map(page -> new Fetched<>(
                        page.versions().stream().map(v -> new ObjectVersion(bucket.context(), bucket.name(), v.key(),
                                v.versionId(), v)).toList(),
                        page.commonPrefixes(),
                        page.truncated() ? new Cursor(page.nextKeyMarker(), page.nextVersionIdMarker()) : null));
    }

    /** Where a ListObjectVersions page starts. */
    private record Cursor(String keyMarker, String versionIdMarker) {
    }

    @Override
    ObjectVersionCollection with(Selection selection, Limits limits) {
        return new ObjectVersionCollection(bucket, selection, limits);
    }

    @Override
    Object scope() {
        return bucket;
    }
}
