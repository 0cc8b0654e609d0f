package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What the options of the two key-marker listings share (ListMultipartUploads and ListObjectVersions): a prefix, a
 * delimiter, a key marker with a second marker naming an item of that key, and a page size. Immutable.
 */
abstract class KeyMarkerListingOptions {

    static final int MAX_PAGE_SIZE = 1000;

    private final @Nullable String prefix;
    private final @Nullable String delimiter;
    private final @Nullable String keyMarker;
    private final @Nullable String itemMarker;
    private final int pageSize;

    KeyMarkerListingOptions(Builder<?, ?> b) {
        this.prefix = b.prefix;
        this.delimiter = b.delimiter;
        this.keyMarker = b.keyMarker;
        this.itemMarker = b.itemMarker;
        this.pageSize = b.pageSize;
    }

    /** Only keys starting with this, or {@code null} (default). */
    public @Nullable String prefix() {
        return prefix;
    }

    /** Roll keys up to common prefixes at this delimiter (usually {@code /}), or {@code null} (default). */
    public @Nullable String delimiter() {
        return delimiter;
    }

    /** Start after this key (a page's {@code nextKeyMarker}), or {@code null} (default) to start at the beginning. */
    public @Nullable String keyMarker() {
        return keyMarker;
    }

    /** Items per page requested from the store, 1..1,000; default 1,000. */
    public int pageSize() {
        return pageSize;
    }

    /** The upload-id or version-id marker, named by the subclass. */
    final @Nullable String itemMarker() {
        return itemMarker;
    }

    /** {@code Name[prefix=..., delimiter=..., keyMarker=..., <itemMarkerName>=..., pageSize=...]}. */
    final String describe(String name, String itemMarkerName) {
        return name + "[prefix=" + prefix + ", delimiter=" + delimiter + ", keyMarker=" + keyMarker + ", "
                + itemMarkerName + "=" + itemMarker + ", pageSize=" + pageSize + "]";
    }

    /** The shared builder; {@code B} is the concrete builder, {@code O} what it builds. */
    abstract static class Builder<B extends Builder<B, O>, O> {
        private @Nullable String prefix;
        private @Nullable String delimiter;
        private @Nullable String keyMarker;
        private @Nullable String itemMarker;
        private int pageSize = MAX_PAGE_SIZE;

        Builder() {
        }

        abstract B self();

        /** Only keys starting with this, or {@code null} (default). */
        public B prefix(@Nullable String prefix) {
            this.prefix = prefix;
            return self();
        }

        /** Roll keys up to common prefixes at this delimiter (usually {@code /}), or {@code null} (default). */
        public B delimiter(@Nullable String delimiter) {
            this.delimiter = delimiter;
            return self();
        }

        /**
         * Start after this key (a page's {@code nextKeyMarker}), or {@code null} (default) to start at the beginning.
         */
        public B keyMarker(@Nullable String keyMarker) {
            this.keyMarker = keyMarker;
            return self();
        }

        /**
         * Items per page, 1..1,000 (default 1,000).
         *
         * @throws InvalidInputException when out of range
         */
        public B pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidInputException("pageSize must be within 1..1000, got " + pageSize);
            }
            this.pageSize = pageSize;
            return self();
        }

        /** The options. */
        public abstract O build();

        final B itemMarker(@Nullable String itemMarker) {
            this.itemMarker = itemMarker;
            return self();
        }

        final B copyOf(KeyMarkerListingOptions o) {
            this.prefix = o.prefix;
            this.delimiter = o.delimiter;
            this.keyMarker = o.keyMarker;
            this.itemMarker = o.itemMarker;
            this.pageSize = o.pageSize;
            return self();
        }
    }
}
