package io.reactives3.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A version or delete marker as listed by ListObjectVersions.
 *
 * @param key          object key
 * @param versionId    version id ({@code "null"} for objects written before versioning was enabled)
 * @param latest       whether this is the current version
 * @param deleteMarker whether this entry is a delete marker (then size is 0 and eTag {@code null})
 * @param size         size in bytes
 * @param lastModified modification time, or {@code null}
 * @param eTag         entity tag, quotes removed, or {@code null}
 * @param storageClass storage class, or {@code null}
 */
public record ObjectVersionSummary(String key, String versionId, boolean latest, boolean deleteMarker, long size,
                                   Instant lastModified, String eTag, String storageClass) {
    public ObjectVersionSummary {
        Objects.requireNonNull(key, "key");
    }
}
