package io.reactives3.resource;

import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.CompletedPart;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.resource.internal.Pager.Limits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * An unfinished multipart upload, identified by bucket name, key and upload id (boto3's {@code MultipartUpload}).
 * Equal to any other {@code MultipartUpload} with the same identifiers. Uploads emitted by
 * {@link Bucket#multipartUploads()} also carry what the listing said ({@link #summary()}).
 */
public final class MultipartUpload {

    private final Context context;
    private final MultipartUploadHandle handle;
    private final MultipartUploadSummary listed;

    MultipartUpload(Context context, String bucketName, String key, String uploadId, MultipartUploadSummary listed) {
        this.context = context;
        this.handle = new MultipartUploadHandle(Arguments.bucket(bucketName), Arguments.key(key),
                Objects.requireNonNull(uploadId, "uploadId must not be null"));
        this.listed = listed;
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return handle.bucket();
    }

    /** The key (an identifier). */
    public String key() {
        return handle.key();
    }

    /** The upload id (an identifier). */
    public String uploadId() {
        return handle.uploadId();
    }

    /** The identifiers as the client's handle, for its multipart calls. */
    public MultipartUploadHandle handle() {
        return handle;
    }

    /** What the listing said (initiation time, storage class), or empty when made from identifiers. */
    public Optional<MultipartUploadSummary> summary() {
        return Optional.ofNullable(listed);
    }

    /** The upload's parts, listed on demand. */
    public PartCollection parts() {
        return new PartCollection(this, Limits.DEFAULT);
    }

    /** Part {@code partNumber} (1..10,000) of this upload. */
    public MultipartUploadPart part(int partNumber) {
        return new MultipartUploadPart(this, partNumber, null);
    }

    /**
     * Aborts the upload, freeing its parts; completes empty. Errors: {@link UploadNotFoundException}
     * when it was already completed or aborted.
     */
    public Mono<Void> abort() {
        return context.client().abortMultipartUpload(handle);
    }

    /** Completes the upload from {@code parts} (sorted by part number); emits the result. */
    public Mono<CompleteMultipartUploadResult> complete(List<CompletedPart> parts) {
        return context.client().completeMultipartUpload(handle, parts);
    }

    /** Completes the upload from every part the store lists for it (ListParts, then CompleteMultipartUpload). */
    public Mono<CompleteMultipartUploadResult> complete() {
        return parts().all()
                .map(p -> p.summary().orElseThrow())
                .map(p -> new CompletedPart(p.partNumber(), p.eTag(), null, p.size()))
                .collectList()
                .flatMap(this::complete);
    }

    /** The object the upload will create. */
    public S3Object object() {
        return new S3Object(context, handle.bucket(), handle.key());
    }

    Context context() {
        return context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultipartUpload other && handle.equals(other.handle);
    }

    @Override
    public int hashCode() {
        return handle.hashCode();
    }

    @Override
    public String toString() {
        return "MultipartUpload[" + handle.bucket() + "/" + handle.key() + ", uploadId=" + handle.uploadId() + "]";
    }
}
