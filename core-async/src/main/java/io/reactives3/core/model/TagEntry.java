package io.reactives3.core.model;

import java.util.Objects;

/**
 * One tag of a bucket or object.
 *
 * @param key   tag key (1..128 characters on AWS)
 * @param value tag value (0..256 characters on AWS)
 */
public record TagEntry(String key, String value) {
    public TagEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
