package io.reactives3.core.spi;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.InvalidInputException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * SDK requests built from the toolkit's option classes: the one mapping of {@link PutObjectOptions} to headers,
 * used by the client's operations and by the transfer engine (which adds {@code Content-MD5} or checksums on top).
 */
public final class SdkRequests {

    private SdkRequests() {
    }

    /** A PutObject request for {@code bucket}/{@code key} (both checked) with the headers of {@code options}. */
    public static PutObjectRequest.Builder putObject(String bucket, String key, PutObjectOptions options) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.notNull(options, "options");
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(options.contentType())
                .contentEncoding(options.contentEncoding())
                .cacheControl(options.cacheControl())
                .contentDisposition(options.contentDisposition())
                .storageClass(options.storageClass())
                .ifMatch(quotedETag(options.ifMatch()))
                .ifNoneMatch(quotedETag(options.ifNoneMatch()));
        if (!options.metadata().isEmpty()) {
            b.metadata(options.metadata());
        }
        if (options.acl() != null) {
            b.acl(ObjectCannedACL.fromValue(options.acl().headerValue()));
        }
        if (!options.tags().isEmpty()) {
            b.tagging(tagging(options.tags()));
        }
        return b;
    }

    /**
     * A CreateMultipartUpload request with the headers of {@code options}.
     *
     * @throws InvalidInputException when the options carry {@code If-Match}/{@code If-None-Match}: those are
     *                                  conditions of the completing request, not of the create
     */
    public static CreateMultipartUploadRequest.Builder createMultipartUpload(String bucket, String key,
                                                                             PutObjectOptions options) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.notNull(options, "options");
        if (options.ifMatch() != null || options.ifNoneMatch() != null) {
            throw new InvalidInputException("ifMatch/ifNoneMatch cannot be sent with CreateMultipartUpload; "
                    + "they are conditions of the completing request");
        }
        CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(bucket).key(key)
                .contentType(options.contentType())
                .contentEncoding(options.contentEncoding())
                .cacheControl(options.cacheControl())
                .contentDisposition(options.contentDisposition())
                .storageClass(options.storageClass());
        if (!options.metadata().isEmpty()) {
            b.metadata(options.metadata());
        }
        if (options.acl() != null) {
            b.acl(ObjectCannedACL.fromValue(options.acl().headerValue()));
        }
        if (!options.tags().isEmpty()) {
            b.tagging(tagging(options.tags()));
        }
        return b;
    }

    /** The tag set for the {@code x-amz-tagging} header (the SDK URL-encodes it). */
    public static Tagging tagging(Map<String, String> tags) {
        return Tagging.builder().tagSet(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    /**
     * {@code eTag} as an {@code If-Match}/{@code If-None-Match} value: quoted unless it already is, is weak
     * ({@code W/...}) or is {@code *}; {@code null} stays {@code null}.
     */
    public static @Nullable String quotedETag(@Nullable String eTag) {
        if (eTag == null || eTag.equals("*") || eTag.startsWith("\"") || eTag.startsWith("W/")) {
            return eTag;
        }
        return "\"" + eTag + "\"";
    }
}
