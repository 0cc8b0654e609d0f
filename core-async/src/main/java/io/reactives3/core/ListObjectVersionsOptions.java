package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Optional parts of a ListObjectVersions listing. Immutable; build with {@link #builder()}; {@link #defaults()} lists
 * every version and delete marker, 1,000 per page.
 */
public final class ListObjectVersionsOptions {

    /** The most versions S3 returns per page, and the default page size. */
    public static final int MAX_PAGE_SIZE = 1000;
    private static final ListObjectVersionsOptions DEFAULTS = builder().build();

    private final @Nullable String prefix;
    private final @Nullable String delimiter;
    private final @Nullable String keyMarker;
    private final @Nullable String versionIdMarker;
    private final int pageSize;

    private ListObjectVersionsOptions(Builder b) {
        this.prefix = b.prefix;
        this.delimiter = b.delimiter;
        this.keyMarker = b.keyMarker;
        this.versionIdMarker = b.versionIdMarker;
        this.pageSize = b.pageSize;
    }

    /** Lists every version and delete marker, 1,000 per page. */
    public static ListObjectVersionsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
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

    /**
     * With {@link #keyMarker()}: start after this version of that key (a page's {@code nextVersionIdMarker}), or
     * {@code null} (default).
     */
    public @Nullable String versionIdMarker() {
        return versionIdMarker;
    }

    /** Versions per page requested from the store, 1..1,000; default 1,000. */
    public int pageSize() {
        return pageSize;
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prefix = prefix;
        b.delimiter = delimiter;
        b.keyMarker = keyMarker;
        b.versionIdMarker = versionIdMarker;
        b.pageSize = pageSize;
        return b;
    }

    @Override
    public String toString() {
        return "ListObjectVersionsOptions[" + "prefix=" + prefix + ", "
                + "delimiter=" + delimiter + ", "
                + "keyMarker=" + keyMarker + ", "
                + "versionIdMarker=" + versionIdMarker + ", pageSize=" + pageSize + "]";
    }

    /** Builds {@link ListObjectVersionsOptions}. */
    public static final class Builder {
        private @Nullable String prefix;
        private @Nullable String delimiter;
        private @Nullable String keyMarker;
        private @Nullable String versionIdMarker;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder() {
        }

        /** Only keys starting with this, or {@code null} (default). */
        public Builder prefix(@Nullable String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Roll keys up to common prefixes at this delimiter (usually {@code /}), or {@code null} (default). */
        public Builder delimiter(@Nullable String delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Start after this key (a page's {@code nextKeyMarker}), or {@code null} (default) to start at the beginning.
         */
        public Builder keyMarker(@Nullable String keyMarker) {
            this.keyMarker = keyMarker;
            return this;
        }

        /**
         * With {@link #keyMarker()}: start after this version of that key (a page's {@code nextVersionIdMarker}), or
         * {@code null} (default).
         */
        public Builder versionIdMarker(@Nullable String versionIdMarker) {
            this.versionIdMarker = versionIdMarker;
            return this;
        }

        /** Versions per page, 1..1,000 (default 1,000). */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidInputException("pageSize must be within 1..1000, got " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** The options. */
        public ListObjectVersionsOptions build() {
            return new ListObjectVersionsOptions(this);
        }
    }
}
