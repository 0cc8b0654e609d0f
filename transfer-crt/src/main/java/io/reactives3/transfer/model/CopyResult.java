package io.reactives3.transfer.model;

/**
 * A finished server-side copy.
 *
 * @param bucket    destination bucket
 * @param key       destination key
 * @param eTag      the copy's ETag, quotes removed
 * @param versionId the copy's version id, or {@code null}
 * @param size      bytes copied
 * @param parts     1 for CopyObject, else the UploadPartCopy parts
 */
public record CopyResult(String bucket, String key, String eTag, String versionId, long size, int parts) {
}
