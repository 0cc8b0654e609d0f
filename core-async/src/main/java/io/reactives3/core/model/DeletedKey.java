package io.reactives3.core.model;

import java.util.Objects;

/**
 * A key a batch delete removed.
 *
 * @param key                   object key
 * @param versionId             the version deleted, or {@code null}
 * @param deleteMarker          whether a delete marker was created or deleted
 * @param deleteMarkerVersionId the delete marker's version id, or {@code null}
 */
public record DeletedKey(String key, String versionId, boolean deleteMarker, String deleteMarkerVersionId) {
    public DeletedKey {
        Objects.requireNonNull(key, "key");
    }
}
