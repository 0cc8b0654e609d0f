package io.reactives3.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An object as listed by ListObjectsV2.
 *
 * @param key          object key
 * @param size         size in bytes
 * @param lastModified last modification time, or {@code null}
 * @param eTag         entity tag, quotes removed, or {@code null}
 * @param storageClass storage class, or {@code null}
 * @param owner        owner when requested with fetch-owner, else {@code null}
 */
public record ListedObject(String key, long size, Instant lastModified, String eTag, String storageClass,
                            OwnerRef owner) {
    public ListedObject {
        Objects.requireNonNull(key, "key");
    }
}
