package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Optional parts of a ListObjectsV2 listing. Immutable; build with {@link #builder()}; {@link #defaults()} lists
 * everything, 1,000 keys per page.
 */
public final class ListObjectsOptions {

    /** The most keys S3 returns per page, and the default page size. */
    public static final int MAX_PAGE_SIZE = 1000;
    private static final ListObjectsOptions DEFAULTS = builder().build();

    private final @Nullable String prefix;
    private final @Nullable String delimiter;
    private final @Nullable String startAfter;
    private final @Nullable String continuationToken;
    private final int pageSize;
    private final boolean fetchOwner;

    private ListObjectsOptions(Builder b) {
        this.prefix = b.prefix;
        this.delimiter = b.delimiter;
        this.startAfter = b.startAfter;
        this.continuationToken = b.continuationToken;
        this.pageSize = b.pageSize;
        this.fetchOwner = b.fetchOwner;
    }

    /** Everything, 1,000 keys per page. */
    public static ListObjectsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Only keys starting with this, or {@code null}. */
    public @Nullable String prefix() {
        return prefix;
    }

    /** Roll keys up to common prefixes at this delimiter (usually {@code /}), or {@code null}. */
    public @Nullable String delimiter() {
        return delimiter;
    }

    /** Start after this key, or {@code null}. */
    public @Nullable String startAfter() {
        return startAfter;
    }

    /** Resume a listing from a page's {@code nextContinuationToken}, or {@code null} to start at the beginning. */
    public @Nullable String continuationToken() {
        return continuationToken;
    }

    /** Keys per page requested from the store ({@code max-keys}), 1..1,000; default 1,000. */
    public int pageSize() {
        return pageSize;
    }

    /** Whether each summary includes the owner. Default {@code false}. */
    public boolean fetchOwner() {
        return fetchOwner;
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prefix = prefix;
        b.delimiter = delimiter;
        b.startAfter = startAfter;
        b.continuationToken = continuationToken;
        b.pageSize = pageSize;
        b.fetchOwner = fetchOwner;
        return b;
    }

    /** Builds {@link ListObjectsOptions}. */
    public static final class Builder {
        private @Nullable String prefix;
        private @Nullable String delimiter;
        private @Nullable String startAfter;
        private @Nullable String continuationToken;
        private int pageSize = MAX_PAGE_SIZE;
        private boolean fetchOwner;

        private Builder() {
        }

        public Builder prefix(@Nullable String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder delimiter(@Nullable String delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder startAfter(@Nullable String key) {
            this.startAfter = key;
            return this;
        }

        public Builder continuationToken(@Nullable String token) {
            this.continuationToken = token;
            return this;
        }

        /** Keys per page, 1..1,000. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidInputException("pageSize must be within 1..1000, got " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        public Builder fetchOwner(boolean fetchOwner) {
            this.fetchOwner = fetchOwner;
            return this;
        }

        public ListObjectsOptions build() {
            return new ListObjectsOptions(this);
        }
    }
}
