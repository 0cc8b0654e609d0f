package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;

/**
 * Optional parts of a ListParts listing. Immutable; build with {@link #builder()}; {@link #defaults()} lists every
 * part, 1,000 per page.
 */
public final class ListPartsOptions {

    /** The most parts S3 returns per page, and the default page size. */
    public static final int MAX_PAGE_SIZE = 1000;
    private static final ListPartsOptions DEFAULTS = builder().build();

    private final int partNumberMarker;
    private final int pageSize;

    private ListPartsOptions(Builder b) {
        this.partNumberMarker = b.partNumberMarker;
        this.pageSize = b.pageSize;
    }

    /** Lists every part, 1,000 per page. */
    public static ListPartsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Start after this part number (a page's {@code nextPartNumberMarker}), 0..10,000; default 0 (from the first
     * part).
     */
    public int partNumberMarker() {
        return partNumberMarker;
    }

    /** Parts per page requested from the store, 1..1,000; default 1,000. */
    public int pageSize() {
        return pageSize;
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.partNumberMarker = partNumberMarker;
        b.pageSize = pageSize;
        return b;
    }

    @Override
    public String toString() {
        return "ListPartsOptions[" + "partNumberMarker=" + partNumberMarker + ", pageSize=" + pageSize + "]";
    }

    /** Builds {@link ListPartsOptions}. */
    public static final class Builder {
        private int partNumberMarker;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Start after this part number (a page's {@code nextPartNumberMarker}), 0..10,000; default 0 (from the first
         * part).
         */
        public Builder partNumberMarker(int partNumberMarker) {
            if (partNumberMarker < 0 || partNumberMarker > 10_000) {
                throw new InvalidInputException("partNumberMarker must be within 0..10000, got " + partNumberMarker);
            }
            this.partNumberMarker = partNumberMarker;
            return this;
        }

        /** Parts per page, 1..1,000 (default 1,000). */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new InvalidInputException("pageSize must be within 1..1000, got " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** The options. */
        public ListPartsOptions build() {
            return new ListPartsOptions(this);
        }
    }
}
