package io.reactives3.core.model;

/**
 * A completed multipart upload.
 *
 * @param bucket    bucket name
 * @param key       object key
 * @param eTag      the object's entity tag (for most stores {@code md5(part md5s)-N}), quotes removed, or
 *                  {@code null} when the store sent none (Ceph RGW 16.2 answers an empty {@code ETag}; HeadObject
 *                  has it)
 * @param versionId the version id (versioned buckets), or {@code null}
 * @param location  the object's URL as returned, or {@code null}
 */
public record CompleteMultipartUploadResult(String bucket, String key, String eTag, String versionId,
                                            String location) {
}
