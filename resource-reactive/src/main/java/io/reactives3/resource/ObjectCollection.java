package io.reactives3.resource;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.BatchDeleteResult;
import reactor.core.publisher.Mono;

/**
 * The objects of a bucket (boto3's {@code bucket.objects}), in key order: an immutable description of a
 * ListObjectsV2 listing. {@link #filter}, {@link #limit} and {@link #pageSize} ({@code max-keys}) return new
 * collections; nothing is sent until a flux from {@link #all()} or {@link #pages()} is subscribed, and then a page is
 * requested only when the subscriber wants more than the pages so far held: {@code all().take(5)} sends one
 * ListObjectsV2 whatever the bucket's size, and {@code limit(5)} sends {@code max-keys=5}. Cancelling cancels the
 * request in flight and sends no further one. Errors: {@link BucketNotFoundException},
 * {@link io.reactives3.core.error.AccessDeniedException}, ... via {@code onError}.
 */
public final class ObjectCollection extends InBucketCollection<ObjectCollection, ObjectSummary, String> {

    ObjectCollection(Bucket bucket, Selection selection, Limits limits) {
        super(bucket, selection, limits, (s, l) -> new ObjectCollection(bucket, s, l));
    }

    /** A collection also selecting by {@code filters}: prefix, delimiter, start-after (a later one of a kind wins). */
    public ObjectCollection filter(Filter.ForObjects... filters) {
        return filtered(filters);
    }

    /**
     * Deletes the selected objects through the transfer engine's batched delete (DeleteObjects batches of at most
     * 1,000 keys, several in flight), listing them as batches can be sent. Per-key failures are reported in the
     * {@link BatchDeleteResult}, not as an error; a listing failure arrives via {@code onError}. Cancelling stops
     * listing and deleting (batches already sent stay deleted).
     */
    public Transfer<BatchDeleteResult> delete() {
        return context().engine().deleteObjects(bucketName(), all().map(ObjectSummary::key));
    }

    /** One ListObjectsV2 request from {@code continuationToken}. */
    @Override
    Mono<Fetched<String, ObjectSummary>> fetch(String continuationToken, int maxKeys) {
        ListObjectsOptions request = ListObjectsOptions.builder().prefix(selection().prefix())
                .delimiter(selection().delimiter()).startAfter(selection().startAfter())
                .continuationToken(continuationToken).pageSize(maxKeys).build();
        return context().client().listObjectsPage(bucketName(), request)
                .map(page -> new Fetched<>(
                        page.objects().stream().map(o -> new ObjectSummary(context(), bucketName(), o))
                                .toList(),
                        page.commonPrefixes(),
                        page.truncated() ? page.nextContinuationToken() : null));
    }
}
