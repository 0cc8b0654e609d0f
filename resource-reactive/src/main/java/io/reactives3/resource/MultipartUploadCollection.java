package io.reactives3.resource;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.model.AbortFailure;
import io.reactives3.resource.model.MultipartAbortResult;
import io.reactives3.resource.model.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;

/**
 * The unfinished multipart uploads of a bucket (boto3's {@code bucket.multipart_uploads}): an immutable description
 * of a ListMultipartUploads listing, behaving as {@link ObjectCollection} does (new collections from
 * {@link #filter}, {@link #limit}, {@link #pageSize}; pages fetched only on demand; cancel stops requests).
 *
 * <p>With {@link #abort()} it is an orphan janitor:
 * <pre>{@code
 * bucket.multipartUploads().filter(initiatedBefore(Instant.now().minus(Duration.ofDays(1)))).abort()
 * }</pre>
 */
public final class MultipartUploadCollection {

    /** Aborts in flight at once by {@link #abort()}. */
    public static final int DEFAULT_ABORT_CONCURRENCY = 4;

    private final Bucket bucket;
    private final String prefix;
    private final String keyMarker;
    private final Instant initiatedBefore;
    private final Limits limits;

    MultipartUploadCollection(Bucket bucket) {
        this(bucket, null, null, null, Limits.DEFAULT);
    }

    private MultipartUploadCollection(Bucket bucket, String prefix, String keyMarker, Instant initiatedBefore,
                                      Limits limits) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.keyMarker = keyMarker;
        this.initiatedBefore = initiatedBefore;
        this.limits = limits;
    }

    /**
     * A collection also selecting by {@code filters}: prefix, start-after (sent as {@code key-marker}),
     * initiated-before (applied on the client).
     */
    public MultipartUploadCollection filter(Filter.ForUploads... filters) {
        String nextPrefix = prefix;
        String nextKeyMarker = keyMarker;
        Instant nextInitiatedBefore = initiatedBefore;
        for (Filter.ForUploads filter : filters) {
            Objects.requireNonNull(filter, "filter must not be null");
            if (filter instanceof Filter.Prefix p) {
                nextPrefix = p.value();
            } else if (filter instanceof Filter.StartAfter s) {
                nextKeyMarker = s.key();
            } else if (filter instanceof Filter.InitiatedBefore i) {
                nextInitiatedBefore = i.instant();
            }
        }
        return new MultipartUploadCollection(bucket, nextPrefix, nextKeyMarker, nextInitiatedBefore, limits);
    }

    /** A collection emitting at most {@code count} uploads; the last request asks only for those still missing. */
    public MultipartUploadCollection limit(long count) {
        return new MultipartUploadCollection(bucket, prefix, keyMarker, initiatedBefore, limits.withLimit(count));
    }

    /** A collection asking for {@code size} uploads per request ({@code max-uploads}, 1..1,000; default 1,000). */
    public MultipartUploadCollection pageSize(int size) {
        return new MultipartUploadCollection(bucket, prefix, keyMarker, initiatedBefore, limits.withPageSize(size));
    }

    /** Emits the selected uploads, by key then initiation time, fetching pages on demand. */
    public Flux<MultipartUpload> all() {
        return Pager.items(pages());
    }

    /** Emits the selected uploads page by page, one ListMultipartUploads request per page, on demand. */
    public Flux<Page<MultipartUpload>> pages() {
        return Pager.pages(new Cursor(keyMarker, null), limits, this::fetch);
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

    /** Like {@link #abort()}, with {@code concurrency} (1..64) aborts in flight. */
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

    /** The bucket listed. */
    public Bucket bucket() {
        return bucket;
    }

    private Mono<Fetched<Cursor, MultipartUpload>> fetch(Cursor cursor, int maxUploads) {
        return bucket.service().client().listMultipartUploadsPage(ListMultipartUploadsRequest.builder()
                        .bucket(bucket.name()).prefix(prefix).keyMarker(cursor.keyMarker())
                        .uploadIdMarker(cursor.uploadIdMarker()).maxUploads(maxUploads).build())
                .map(page -> new Fetched<>(
                        page.uploads().stream().filter(this::selected)
                                .map(u -> new MultipartUpload(bucket.service(), u.bucket(), u.key(), u.uploadId(), u))
                                .toList(),
                        page.commonPrefixes(),
                        page.truncated() ? new Cursor(page.nextKeyMarker(), page.nextUploadIdMarker()) : null));
    }

    private boolean selected(MultipartUploadSummary upload) {
        return initiatedBefore == null || (upload.initiated() != null && upload.initiated().isBefore(initiatedBefore));
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
    private record Cursor(String keyMarker, String uploadIdMarker) {
    }

    /** One abort's outcome: {@code error} is null when it succeeded. */
    private record Outcome(MultipartUploadSummary upload, Throwable error) {
    }

    @Override
    public String toString() {
        return "MultipartUploadCollection[" + bucket.name() + ", prefix=" + prefix + ", startAfter=" + keyMarker
                + ", initiatedBefore=" + initiatedBefore + ", " + limits + "]";
    }
}
