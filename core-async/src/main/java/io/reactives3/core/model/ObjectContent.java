package io.reactives3.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An object's metadata and its whole body in memory.
 *
 * @param head    the response's metadata
 * @param content the body; the record holds its own copy
 */
public record ObjectContent(ObjectHead head, byte[] content) {
    public ObjectContent {
        Objects.requireNonNull(head, "head");
        content = content.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The body decoded as UTF-8. */
    public String asUtf8String() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The body length in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectContent other && head.equals(other.head) && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return 31 * head.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ObjectContent[head=" + head + ", " + content.length + " bytes]";
    }
}
