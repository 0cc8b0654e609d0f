package io.reactives3.resource;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.spi.Arguments;
import java.util.Objects;

/**
 * The object a copy reads from (boto3's {@code CopySource={'Bucket': ..., 'Key': ..., 'VersionId': ...}}).
 *
 * @param bucket    source bucket name
 * @param key       source key
 * @param versionId the source version to copy, or {@code null} for the latest
 */
public record CopySource(String bucket, String key, String versionId) {

    /** Checks the bucket name and key when made. */
    public CopySource {
        Arguments.bucket(bucket);
        Arguments.key(key);
    }

    /** The latest version of {@code key} in {@code bucket}. */
    public static CopySource of(String bucket, String key) {
        return new CopySource(bucket, key, null);
    }

    /** Version {@code versionId} of {@code key} in {@code bucket}. */
    public static CopySource of(String bucket, String key, String versionId) {
        return new CopySource(bucket, key, Objects.requireNonNull(versionId, "versionId must not be null"));
    }

    /** The source of a copy of {@code object} (latest version). */
    public static CopySource of(S3Object object) {
        return new CopySource(object.bucketName(), object.key(), null);
    }

    /** {@code options} with this source's version, which must not contradict the options' own source version. */
    CopyObjectOptions mergeInto(CopyObjectOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        if (versionId == null || versionId.equals(options.sourceVersionId())) {
            return options;
        }
        if (options.sourceVersionId() != null) {
            throw new InvalidInputException("the copy source names version " + versionId
                    + " but the options name version " + options.sourceVersionId());
        }
        CopyObjectOptions.Builder merged = CopyObjectOptions.builder().sourceVersionId(versionId)
                .sourceIfMatch(options.sourceIfMatch()).acl(options.acl()).storageClass(options.storageClass());
        if (options.replaceMetadata()) {
            merged.replaceMetadata(options.contentType(), options.metadata());
        }
        return merged.build();
    }
}
