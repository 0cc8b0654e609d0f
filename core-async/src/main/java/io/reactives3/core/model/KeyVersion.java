package io.reactives3.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A key, optionally with a version, to delete in a batch.
 *
 * @param key       object key
 * @param versionId version to delete, or {@code null} for the latest (creating a delete marker when versioned)
 */
public record KeyVersion(String key, @Nullable String versionId) {
    public KeyVersion {
        Objects.requireNonNull(key, "key");
    }

    /** The latest version of {@code key}. */
    public static KeyVersion of(String key) {
        return new KeyVersion(key, null);
    }

    /** A specific version of {@code key}. */
    public static KeyVersion of(String key, String versionId) {
        return new KeyVersion(key, versionId);
    }
}
