package io.reactives3.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An object's metadata, from HeadObject or the head of a GetObject response.
 *
 * @param bucket             bucket name
 * @param key                object key
 * @param contentLength      bytes in this response's body: the whole object for HEAD and full GETs, the range for
 *                           ranged GETs
 * @param objectSize         the whole object's size (from {@code Content-Range} on ranged GETs), or -1 if unknown
 * @param contentType        {@code Content-Type}, or {@code null}
 * @param eTag               entity tag, quotes removed, or {@code null}
 * @param lastModified       last modification time, or {@code null}
 * @param versionId          version id, or {@code null}
 * @param storageClass       storage class, or {@code null} (AWS omits STANDARD)
 * @param contentEncoding    {@code Content-Encoding}, or {@code null}
 * @param cacheControl       {@code Cache-Control}, or {@code null}
 * @param contentDisposition {@code Content-Disposition}, or {@code null}
 * @param metadata           user metadata ({@code x-amz-meta-*}, names without the prefix, lower case)
 * @param partsCount         number of parts of a multipart object when the store said, else -1
 * @param serverSideEncryption {@code x-amz-server-side-encryption} ({@code AES256}, {@code aws:kms}, ...), or
 *                           {@code null}
 * @param sseCustomerAlgorithm {@code x-amz-server-side-encryption-customer-algorithm} when the object is encrypted
 *                           with a customer-provided key (SSE-C), else {@code null}
 */
public record ObjectHead(String bucket, String key, long contentLength, long objectSize, String contentType,
                         String eTag, Instant lastModified, String versionId, String storageClass,
                         String contentEncoding, String cacheControl, String contentDisposition,
                         Map<String, String> metadata, int partsCount, String serverSideEncryption,
                         String sseCustomerAlgorithm) {
    public ObjectHead {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        metadata = Map.copyOf(metadata);
    }

    /**
     * Whether the ETag can be a digest of the content: false for SSE-KMS and SSE-C objects, whose ETags are not
     * MD5s of the plaintext (S3's documented behaviour); true otherwise (SSE-S3 and unencrypted objects).
     */
    public boolean eTagMayBeDigest() {
        return sseCustomerAlgorithm == null
                && (serverSideEncryption == null || !serverSideEncryption.startsWith("aws:kms"));
    }
}
