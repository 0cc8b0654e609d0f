package io.reactives3.transfer.model;

import io.reactives3.transfer.TransferBackend;
import org.jspecify.annotations.Nullable;

/**
 * A finished upload.
 *
 * @param bucket    bucket
 * @param key       key
 * @param eTag      the object's ETag, quotes removed
 * @param versionId version id (versioned buckets), or {@code null}
 * @param size      bytes uploaded
 * @param parts     parts used (1 for a single PutObject)
 * @param backend   the machinery that moved the bytes
 */
public record UploadResult(String bucket, String key, String eTag, @Nullable String versionId, long size, int parts,
                           TransferBackend backend) {
}
