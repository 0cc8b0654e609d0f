package io.reactives3.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An unfinished multipart upload as listed by ListMultipartUploads.
 *
 * @param bucket       bucket name
 * @param key          object key
 * @param uploadId     upload id
 * @param initiated    when the upload was created, or {@code null}
 * @param storageClass storage class, or {@code null}
 */
public record MultipartUploadSummary(String bucket, String key, String uploadId, Instant initiated,
                                     String storageClass) {
    public MultipartUploadSummary {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }

    /** The handle for part, complete and abort calls. */
    public MultipartUploadHandle handle() {
        return new MultipartUploadHandle(bucket, key, uploadId);
    }
}
