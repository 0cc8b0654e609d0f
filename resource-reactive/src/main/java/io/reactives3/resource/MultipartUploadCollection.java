package io.reactives3.resource;

import io.reactives3.core.ListMultipartUploadsOptions;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.AbortFailure;
import io.reactives3.resource.model.MultipartAbortResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The unfinished multipart uploads of a bucket (boto3's {@code bucket.multipart_uploads}), by key then initiation
 * time: an immutable description of a ListMultipartUploads listing, behaving as {@link ObjectCollection} does (new
 * collections from {@link #filter}, {@link #limit}, {@link #pageSize} ({@code max-uploads}); pages fetched only on
 * demand; errors via {@code onError}; cancel stops requests).
 *
 * <p>With {@link #abort()} it is an orphan janitor:
 * <pre>{@code
 * bucket.multipartUploads().filter(initiatedBefore(Instant.now().minus(Duration.ofDays(1)))).abort()
 * }</pre>
 */
public final class MultipartUploadCollection
        extends InBucketCollection<MultipartUploadCollection, MultipartUpload, MultipartUploadCollection.Cursor> {

    /** Aborts in flight at once by {@link #abort()}. */
    public static final int DEFAULT_ABORT_CONCURRENCY = 4;

    MultipartUploadCollection(Bucket bucket, Selection selection, Limits limits) {
        super(bucket, selection, limits, (s, l) -> new MultipartUploadCollection(bucket, s, l));
    }

    /**
     * A collection also selecting by {@code filters}: prefix, start-after (sent as {@code key-marker}),
     * initiated-before (applied on the client).
     */
    public MultipartUploadCollection filter(Filter.ForUploads... filters) {
        return filtered(filters);
    }

    /**
     * Aborts every selected upload, {@link #DEFAULT_ABORT_CONCURRENCY} at a time, while listing; emits what was
     * aborted and what could not be (partial failure is data; the result holds one entry per selected upload). A
     * listing failure arrives via {@code onError}. Cancelling stops listing and aborting (aborts already sent take
     * effect).
     */
    public Mono<MultipartAbortResult> abort() {
        return abort(DEFAULT_ABORT_CONCURRENCY);
    }

    /**
     * Like {@link #abort()}, with {@code concurrency} (1..64) aborts in flight.
     *
     * @throws InvalidInputException when {@code concurrency} is out of range
     */
    public Mono<MultipartAbortResult> abort(int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new InvalidInputException("concurrency must be within 1..64, got " + concurrency);
        }
        return all()
                .flatMap(upload -> {
                    MultipartUploadSummary listed = upload.summary().orElseThrow();
                    return upload.abort()
                            .thenReturn(new Outcome(listed, null))
                            .onErrorResume(e -> Mono.just(new Outcome(listed, e)));
                }, concurrency)
                .collectList()
                .map(MultipartUploadCollection::result);
    }

    /**
     * One ListMultipartUploads request from {@code cursor} (the first after the start-after key), minus the uploads
     * the initiated-before filter drops.
     */
    @Override
    Mono<Fetched<Cursor, MultipartUpload>> fetch(Cursor cursor, int maxUploads) {
        Cursor at = cursor != null ? cursor : new Cursor(selection().startAfter(), null);
        return context().client().listMultipartUploadsPage(bucketName(), ListMultipartUploadsOptions.builder()
                        .prefix(selection().prefix()).keyMarker(at.keyMarker()).uploadIdMarker(at.uploadIdMarker())
                        .pageSize(maxUploads).build())
                .map(page -> new Fetched<>(
                        page.uploads().stream().filter(this::selected).map(u -> new MultipartUpload(context(),
                                new MultipartUploadHandle(u.bucket(), u.key(), u.uploadId()), u)).toList(),
                        page.commonPrefixes(),
                        page.truncated() ? new Cursor(page.nextKeyMarker(), page.nextUploadIdMarker()) : null));
    }

    /** Applies the initiated-before filter, which the store cannot. */
    private boolean selected(MultipartUploadSummary upload) {
        Instant before = selection().initiatedBefore();
        return before == null || (upload.initiated() != null && upload.initiated().isBefore(before));
    }

    private static MultipartAbortResult result(List<Outcome> outcomes) {
        List<MultipartUploadSummary> aborted = new ArrayList<>();
        List<AbortFailure> failures = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.error() == null) {
                aborted.add(outcome.upload());
            } else {
                failures.add(new AbortFailure(outcome.upload(), outcome.error()));
            }
        }
        return new MultipartAbortResult(aborted, failures);
    }

    /** Where a ListMultipartUploads page starts. */
    record Cursor(String keyMarker, String uploadIdMarker) {
    }

    /** One abort's outcome: {@code error} is null when it succeeded. */
    private record Outcome(MultipartUploadSummary upload, Throwable error) {
    }
}
