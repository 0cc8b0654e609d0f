package io.reactives3.core.internal;

import org.jspecify.annotations.Nullable;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.OwnerRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Maps SDK response fields to the values the records hold (ETags without quotes, sizes, checksums, owners). */
final class Responses {

    private Responses() {
    }

    /** The ETag without its surrounding quotes, or {@code null}. */
    static String eTag(String eTag) {
        if (eTag == null) {
            return null;
        }
        String e = eTag.strip();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        return e;
    }

    /**
     * An entity tag as conditional headers carry it ({@code If-Match}, {@code If-None-Match},
     * {@code x-amz-copy-source-if-match}): quoted as HTTP requires, since records hold ETags without quotes. AWS
     * accepts both forms; S3Proxy answers HEAD with an unquoted {@code If-Match} 412 even when it matches.
     * {@code *} and already quoted or weak tags are sent as given; {@code null} stays {@code null}.
     */
    static String quotedETag(String eTag) {
        return SdkRequests.quotedETag(eTag);
    }

    /** {@code null} for a missing or empty value (some stores send empty elements, e.g. {@code <VersionId/>}). */
    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The first checksum present as {@code ALGORITHM=value} (the order S3 lists them: CRC32, CRC32C, CRC64NVME,
     * SHA1, SHA256), or {@code null} when the store confirmed none.
     */
    static String checksum(String crc32, String crc32c, String crc64nvme, String sha1, String sha256) {
        if (crc32 != null) {
            return "CRC32=" + crc32;
        }
        if (crc32c != null) {
            return "CRC32C=" + crc32c;
        }
        if (crc64nvme != null) {
            return "CRC64NVME=" + crc64nvme;
        }
        if (sha1 != null) {
            return "SHA1=" + sha1;
        }
        return sha256 == null ? null : "SHA256=" + sha256;
    }

    /**
     * The complete object size from a {@code Content-Range} value ({@code bytes 0-99/1234} gives 1234), or -1 when
     * absent, unknown ({@code /*}) or malformed.
     */
    static long objectSizeFromContentRange(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        int slash = contentRange.lastIndexOf('/');
        if (slash < 0 || slash == contentRange.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(contentRange.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code null}-safe unboxing with a default. */
    static long orElse(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    /** The owner record, or {@code null}. */
    static OwnerRef owner(software.amazon.awssdk.services.s3.model.Owner owner) {
        return owner == null ? null : new OwnerRef(owner.id(), owner.displayName());
    }

    /** The prefixes of a listing's common prefixes, in order. */
    static List<String> prefixes(List<CommonPrefix> commonPrefixes) {
        return commonPrefixes == null ? List.of() : commonPrefixes.stream().map(CommonPrefix::prefix).toList();
    }

    /** User metadata with lower-cased names (HTTP header names are case-insensitive; stores differ in case). */
    static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        Map<String, String> lower = new HashMap<>();
        metadata.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    /**
     * The head of a GetObject response. {@code objectSize} comes from {@code Content-Range} on ranged or part reads,
     * else it is the body length (a whole-object read); unknown ({@code null}) for a part read without
     * {@code Content-Range}.
     */
    static ObjectHead head(String bucket, String key, GetObjectResponse r, boolean partRead) {
        return ObjectHead.builder(bucket, key).contentLength(r.contentLength())
                .objectSize(objectSize(r.contentRange(), r.contentLength(), partRead)).contentType(r.contentType())
                .eTag(eTag(r.eTag())).lastModified(r.lastModified()).versionId(emptyToNull(r.versionId()))
                .storageClass(r.storageClassAsString()).contentEncoding(r.contentEncoding())
                .cacheControl(r.cacheControl()).contentDisposition(r.contentDisposition())
                .metadata(metadata(r.metadata())).partsCount(r.partsCount())
                .serverSideEncryption(r.serverSideEncryptionAsString())
                .sseCustomerAlgorithm(r.sseCustomerAlgorithm()).checksumCrc32(r.checksumCRC32())
                .checksumCrc32c(r.checksumCRC32C()).checksumCrc64nvme(r.checksumCRC64NVME())
                .checksumType(r.checksumTypeAsString()).build();
    }

    /** The head of a HeadObject response (see {@link #head(String, String, GetObjectResponse, boolean)}). */
    static ObjectHead head(String bucket, String key, HeadObjectResponse r, boolean partRead) {
        return ObjectHead.builder(bucket, key).contentLength(r.contentLength())
                .objectSize(objectSize(r.contentRange(), r.contentLength(), partRead)).contentType(r.contentType())
                .eTag(eTag(r.eTag())).lastModified(r.lastModified()).versionId(emptyToNull(r.versionId()))
                .storageClass(r.storageClassAsString()).contentEncoding(r.contentEncoding())
                .cacheControl(r.cacheControl()).contentDisposition(r.contentDisposition())
                .metadata(metadata(r.metadata())).partsCount(r.partsCount())
                .serverSideEncryption(r.serverSideEncryptionAsString())
                .sseCustomerAlgorithm(r.sseCustomerAlgorithm()).checksumCrc32(r.checksumCRC32())
                .checksumCrc32c(r.checksumCRC32C()).checksumCrc64nvme(r.checksumCRC64NVME())
                .checksumType(r.checksumTypeAsString()).build();
    }

    private static @Nullable Long objectSize(@Nullable String contentRange, @Nullable Long contentLength,
                                             boolean partRead) {
        if (contentRange != null) {
            long size = objectSizeFromContentRange(contentRange);
            return size < 0 ? null : size;
        }
        return partRead ? null : contentLength;
    }
}
