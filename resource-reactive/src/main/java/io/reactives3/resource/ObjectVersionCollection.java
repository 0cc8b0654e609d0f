package io.reactives3.resource;

import io.reactives3.core.ListObjectVersionsOptions;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.BatchDeleteResult;
import reactor.core.publisher.Mono;

/**
 * Every version and delete marker in a bucket (boto3's {@code bucket.object_versions}), by key then newest first: an
 * immutable description of a ListObjectVersions listing, behaving as {@link ObjectCollection} does (new collections
 * from {@link #filter}, {@link #limit}, {@link #pageSize} ({@code max-keys}); pages fetched only on demand; errors
 * via {@code onError}; cancel stops requests).
 */
public final class ObjectVersionCollection
        extends InBucketCollection<ObjectVersionCollection, ObjectVersion, ObjectVersionCollection.Cursor> {

    ObjectVersionCollection(Bucket bucket, Selection selection, Limits limits) {
        super(bucket, selection, limits, (s, l) -> new ObjectVersionCollection(bucket, s, l));
    }

    /** A collection also selecting by {@code filters}: prefix, delimiter, start-after (sent as {@code key-marker}). */
    public ObjectVersionCollection filter(Filter.ForVersions... filters) {
        return filtered(filters);
    }

    /**
     * Permanently deletes the selected versions and delete markers through the transfer engine's batched delete
     * (batches of at most 1,000, several in flight). Per-key failures are reported in the result; a listing failure
     * arrives via {@code onError}. Cancelling stops listing and deleting (batches already sent stay deleted).
     */
    public Transfer<BatchDeleteResult> delete() {
        return context().engine().deleteVersions(bucketName(),
                all().map(v -> KeyVersion.of(v.key(), v.versionId())));
    }

    /** One ListObjectVersions request from {@code cursor}; the first starts after the start-after filter's key. */
    @Override
    Mono<Fetched<Cursor, ObjectVersion>> fetch(Cursor cursor, int maxKeys) {
        ListObjectVersionsOptions.Builder request = ListObjectVersionsOptions.builder()
                .prefix(selection().prefix()).delimiter(selection().delimiter()).pageSize(maxKeys);
        if (cursor == null) {
            request.keyMarker(selection().startAfter());
        } else {
            request.keyMarker(cursor.keyMarker()).versionIdMarker(cursor.versionIdMarker());
        }
        return context().client().listObjectVersionsPage(bucketName(), request.build())
                .map(page -> new Fetched<>(
                        page.versions().stream().map(v -> new ObjectVersion(context(), bucketName(), v.key(),
                                v.versionId(), v)).toList(),
                        page.commonPrefixes(),
                        page.truncated() ? new Cursor(page.nextKeyMarker(), page.nextVersionIdMarker()) : null));
    }

    /** Where a ListObjectVersions page starts. */
    record Cursor(String keyMarker, String versionIdMarker) {
    }
}
