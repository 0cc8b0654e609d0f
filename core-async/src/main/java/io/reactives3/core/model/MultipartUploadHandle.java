package io.reactives3.core.model;

import java.util.Objects;

/**
 * A started multipart upload: what every later part, complete or abort call needs.
 *
 * @param bucket   bucket name
 * @param key      object key
 * @param uploadId the upload id the store assigned
 */
public record MultipartUploadHandle(String bucket, String key, String uploadId) {
    public MultipartUploadHandle {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }
}
