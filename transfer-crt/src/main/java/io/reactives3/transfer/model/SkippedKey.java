package io.reactives3.transfer.model;

import java.util.Objects;

/**
 * A key a directory download refused to write, with the reason (e.g. it would land outside the destination, or
 * under a symbolic link).
 *
 * @param key    the key
 * @param reason why it was skipped
 */
public record SkippedKey(String key, String reason) {
    public SkippedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
