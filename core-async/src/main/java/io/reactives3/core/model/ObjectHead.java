package io.reactives3.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An object's metadata, from HeadObject or the head of a GetObject response. Built with {@link #builder(String,
 * String)}: only the bucket and key are required, everything the store did not say stays {@code null} (or an empty
 * metadata map), never a placeholder value.
 */
public final class ObjectHead {
    private final String bucket;
    private final String key;
    private final @Nullable Long contentLength;
    private final @Nullable Long objectSize;
    private final @Nullable String contentType;
    private final @Nullable String eTag;
    private final @Nullable Instant lastModified;
    private final @Nullable String versionId;
    private final @Nullable String storageClass;
    private final @Nullable String contentEncoding;
    private final @Nullable String cacheControl;
    private final @Nullable String contentDisposition;
    private final Map<String, String> metadata;
    private final @Nullable Integer partsCount;
    private final @Nullable String serverSideEncryption;
    private final @Nullable String sseCustomerAlgorithm;
    private final @Nullable String checksumCrc32;
    private final @Nullable String checksumCrc32c;
    private final @Nullable String checksumCrc64nvme;
    private final @Nullable String checksumType;

    private ObjectHead(Builder b) {
        bucket = b.bucket;
        key = b.key;
        contentLength = b.contentLength;
        objectSize = b.objectSize;
        contentType = b.contentType;
        eTag = b.eTag;
        lastModified = b.lastModified;
        versionId = b.versionId;
        storageClass = b.storageClass;
        contentEncoding = b.contentEncoding;
        cacheControl = b.cacheControl;
        contentDisposition = b.contentDisposition;
        metadata = Map.copyOf(b.metadata);
        partsCount = b.partsCount;
        serverSideEncryption = b.serverSideEncryption;
        sseCustomerAlgorithm = b.sseCustomerAlgorithm;
        checksumCrc32 = b.checksumCrc32;
        checksumCrc32c = b.checksumCrc32c;
        checksumCrc64nvme = b.checksumCrc64nvme;
        checksumType = b.checksumType;
    }

    /** A builder for the head of {@code bucket}/{@code key}; every other value starts unset ({@code null}). */
    public static Builder builder(String bucket, String key) {
        return new Builder(bucket, key);
    }

    /** Bucket name. */
    public String bucket() {
        return bucket;
    }

    /** Object key. */
    public String key() {
        return key;
    }

    /**
     * Bytes in this response's body: the whole object for HEAD and full GETs, the range for ranged GETs; {@code null}
     * when the store sent no {@code Content-Length}.
     */
    public @Nullable Long contentLength() {
        return contentLength;
    }

    /**
     * The whole object's size (from {@code Content-Range} on ranged GETs, else the body length of a whole-object
     * read), or {@code null} when unknown (a part read without {@code Content-Range}).
     */
    public @Nullable Long objectSize() {
        return objectSize;
    }

    /** {@code Content-Type}, or {@code null}. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** Entity tag, quotes removed, or {@code null}. */
    public @Nullable String eTag() {
        return eTag;
    }

    /** Last modification time, or {@code null}. */
    public @Nullable Instant lastModified() {
        return lastModified;
    }

    /** Version id, or {@code null} (unversioned bucket). */
    public @Nullable String versionId() {
        return versionId;
    }

    /** Storage class, or {@code null} (AWS omits STANDARD). */
    public @Nullable String storageClass() {
        return storageClass;
    }

    /** {@code Content-Encoding}, or {@code null}. */
    public @Nullable String contentEncoding() {
        return contentEncoding;
    }

    /** {@code Cache-Control}, or {@code null}. */
    public @Nullable String cacheControl() {
        return cacheControl;
    }

    /** {@code Content-Disposition}, or {@code null}. */
    public @Nullable String contentDisposition() {
        return contentDisposition;
    }

    /** User metadata ({@code x-amz-meta-*}, names without the prefix, lower case); empty when none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Number of parts of a multipart object when the store said, else {@code null}. */
    public @Nullable Integer partsCount() {
        return partsCount;
    }

    /** {@code x-amz-server-side-encryption} ({@code AES256}, {@code aws:kms}, ...), or {@code null}. */
    public @Nullable String serverSideEncryption() {
        return serverSideEncryption;
    }

    /**
     * {@code x-amz-server-side-encryption-customer-algorithm} when the object is encrypted with a customer-provided
     * key (SSE-C), else {@code null}.
     */
    public @Nullable String sseCustomerAlgorithm() {
        return sseCustomerAlgorithm;
    }

    /**
     * The CRC32 the store keeps for the object ({@code x-amz-checksum-crc32}: base64 of 4 big-endian bytes, followed
     * by {@code -N} for a composite checksum over N parts), or {@code null}: the store keeps none, or it was not asked
     * for (HeadObject and GetObject send {@code x-amz-checksum-mode: ENABLED} only with
     * {@link io.reactives3.core.GetObjectOptions.Builder#checksums(boolean)}).
     */
    public @Nullable String checksumCrc32() {
        return checksumCrc32;
    }

    /** The CRC32C the store keeps for the object ({@code x-amz-checksum-crc32c}), as {@link #checksumCrc32()}. */
    public @Nullable String checksumCrc32c() {
        return checksumCrc32c;
    }

    /**
     * The CRC-64/NVME the store keeps for the object ({@code x-amz-checksum-crc64nvme}: base64 of 8 big-endian bytes;
     * S3 computes one for every new object since 2025), as {@link #checksumCrc32()}.
     */
    public @Nullable String checksumCrc64nvme() {
        return checksumCrc64nvme;
    }

    /**
     * {@code x-amz-checksum-type}: {@code FULL_OBJECT} (a checksum of the whole content) or {@code COMPOSITE} (a
     * checksum of the parts' checksums), or {@code null} when the store did not say.
     */
    public @Nullable String checksumType() {
        return checksumType;
    }

    /**
     * Whether the ETag can be a digest of the content: false for SSE-KMS and SSE-C objects, whose ETags are not
     * MD5s of the plaintext (S3's documented behaviour); true otherwise (SSE-S3 and unencrypted objects).
     */
    public boolean eTagMayBeDigest() {
        return sseCustomerAlgorithm == null
                && (serverSideEncryption == null || !serverSideEncryption.startsWith("aws:kms"));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ObjectHead h)) {
            return false;
        }
        return bucket.equals(h.bucket) && key.equals(h.key) && Objects.equals(contentLength, h.contentLength)
                && Objects.equals(objectSize, h.objectSize) && Objects.equals(contentType, h.contentType)
                && Objects.equals(eTag, h.eTag) && Objects.equals(lastModified, h.lastModified)
                && Objects.equals(versionId, h.versionId) && Objects.equals(storageClass, h.storageClass)
                && Objects.equals(contentEncoding, h.contentEncoding) && Objects.equals(cacheControl, h.cacheControl)
                && Objects.equals(contentDisposition, h.contentDisposition) && metadata.equals(h.metadata)
                && Objects.equals(partsCount, h.partsCount)
                && Objects.equals(serverSideEncryption, h.serverSideEncryption)
                && Objects.equals(sseCustomerAlgorithm, h.sseCustomerAlgorithm)
                && Objects.equals(checksumCrc32, h.checksumCrc32) && Objects.equals(checksumCrc32c, h.checksumCrc32c)
                && Objects.equals(checksumCrc64nvme, h.checksumCrc64nvme)
                && Objects.equals(checksumType, h.checksumType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, contentLength, objectSize, contentType, eTag, lastModified, versionId,
                storageClass, contentEncoding, cacheControl, contentDisposition, metadata, partsCount,
                serverSideEncryption, sseCustomerAlgorithm, checksumCrc32, checksumCrc32c, checksumCrc64nvme,
                checksumType);
    }

    @Override
    public String toString() {
        return "ObjectHead[bucket=" + bucket + ", key=" + key + ", contentLength=" + contentLength + ", objectSize="
                + objectSize + ", contentType=" + contentType + ", eTag=" + eTag + ", lastModified=" + lastModified
                + ", versionId=" + versionId + ", storageClass=" + storageClass + ", contentEncoding="
                + contentEncoding + ", cacheControl=" + cacheControl + ", contentDisposition=" + contentDisposition
                + ", metadata=" + metadata + ", partsCount=" + partsCount + ", serverSideEncryption="
                + serverSideEncryption + ", sseCustomerAlgorithm=" + sseCustomerAlgorithm + ", checksumCrc32="
                + checksumCrc32 + ", checksumCrc32c=" + checksumCrc32c + ", checksumCrc64nvme=" + checksumCrc64nvme
                + ", checksumType=" + checksumType + "]";
    }

    /** Builds an {@link ObjectHead}; every setter accepts {@code null} for "the store did not say". */
    public static final class Builder {
        private final String bucket;
        private final String key;
        private @Nullable Long contentLength;
        private @Nullable Long objectSize;
        private @Nullable String contentType;
        private @Nullable String eTag;
        private @Nullable Instant lastModified;
        private @Nullable String versionId;
        private @Nullable String storageClass;
        private @Nullable String contentEncoding;
        private @Nullable String cacheControl;
        private @Nullable String contentDisposition;
        private Map<String, String> metadata = Map.of();
        private @Nullable Integer partsCount;
        private @Nullable String serverSideEncryption;
        private @Nullable String sseCustomerAlgorithm;
        private @Nullable String checksumCrc32;
        private @Nullable String checksumCrc32c;
        private @Nullable String checksumCrc64nvme;
        private @Nullable String checksumType;

        private Builder(String bucket, String key) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            this.key = Objects.requireNonNull(key, "key");
        }

        /** See {@link ObjectHead#contentLength()}; bytes, {@code >= 0}. */
        public Builder contentLength(@Nullable Long contentLength) {
            this.contentLength = contentLength;
            return this;
        }

        /** See {@link ObjectHead#objectSize()}; bytes, {@code >= 0}. */
        public Builder objectSize(@Nullable Long objectSize) {
            this.objectSize = objectSize;
            return this;
        }

        /** See {@link ObjectHead#contentType()}. */
        public Builder contentType(@Nullable String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** See {@link ObjectHead#eTag()}; quotes already removed. */
        public Builder eTag(@Nullable String eTag) {
            this.eTag = eTag;
            return this;
        }

        /** See {@link ObjectHead#lastModified()}. */
        public Builder lastModified(@Nullable Instant lastModified) {
            this.lastModified = lastModified;
            return this;
        }

        /** See {@link ObjectHead#versionId()}. */
        public Builder versionId(@Nullable String versionId) {
            this.versionId = versionId;
            return this;
        }

        /** See {@link ObjectHead#storageClass()}. */
        public Builder storageClass(@Nullable String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /** See {@link ObjectHead#contentEncoding()}. */
        public Builder contentEncoding(@Nullable String contentEncoding) {
            this.contentEncoding = contentEncoding;
            return this;
        }

        /** See {@link ObjectHead#cacheControl()}. */
        public Builder cacheControl(@Nullable String cacheControl) {
            this.cacheControl = cacheControl;
            return this;
        }

        /** See {@link ObjectHead#contentDisposition()}. */
        public Builder contentDisposition(@Nullable String contentDisposition) {
            this.contentDisposition = contentDisposition;
            return this;
        }

        /** See {@link ObjectHead#metadata()}; {@code null} means none. The map is copied. */
        public Builder metadata(@Nullable Map<String, String> metadata) {
            this.metadata = metadata == null ? Map.of() : metadata;
            return this;
        }

        /** See {@link ObjectHead#partsCount()}; {@code >= 1}. */
        public Builder partsCount(@Nullable Integer partsCount) {
            this.partsCount = partsCount;
            return this;
        }

        /** See {@link ObjectHead#serverSideEncryption()}. */
        public Builder serverSideEncryption(@Nullable String serverSideEncryption) {
            this.serverSideEncryption = serverSideEncryption;
            return this;
        }

        /** See {@link ObjectHead#sseCustomerAlgorithm()}. */
        public Builder sseCustomerAlgorithm(@Nullable String sseCustomerAlgorithm) {
            this.sseCustomerAlgorithm = sseCustomerAlgorithm;
            return this;
        }

        /** See {@link ObjectHead#checksumCrc32()}. */
        public Builder checksumCrc32(@Nullable String checksumCrc32) {
            this.checksumCrc32 = checksumCrc32;
            return this;
        }

        /** See {@link ObjectHead#checksumCrc32c()}. */
        public Builder checksumCrc32c(@Nullable String checksumCrc32c) {
            this.checksumCrc32c = checksumCrc32c;
            return this;
        }

        /** See {@link ObjectHead#checksumCrc64nvme()}. */
        public Builder checksumCrc64nvme(@Nullable String checksumCrc64nvme) {
            this.checksumCrc64nvme = checksumCrc64nvme;
            return this;
        }

        /** See {@link ObjectHead#checksumType()}. */
        public Builder checksumType(@Nullable String checksumType) {
            this.checksumType = checksumType;
            return this;
        }

        /** The head; the metadata map is copied. */
        public ObjectHead build() {
            return new ObjectHead(this);
        }
    }
}
