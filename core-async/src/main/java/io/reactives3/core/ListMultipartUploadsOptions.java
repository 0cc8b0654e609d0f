package io.reactives3.core;

import org.jspecify.annotations.Nullable;

/**
 * Optional parts of a ListMultipartUploads listing. Immutable; build with {@link #builder()}; {@link #defaults()} lists
 * every unfinished upload, 1,000 per page.
 */
public final class ListMultipartUploadsOptions extends KeyMarkerListingOptions {

    /** The most uploads S3 returns per page, and the default page size. */
    public static final int MAX_PAGE_SIZE = KeyMarkerListingOptions.MAX_PAGE_SIZE;
    private static final ListMultipartUploadsOptions DEFAULTS = builder().build();

    private ListMultipartUploadsOptions(Builder b) {
        super(b);
    }

    /** Lists every unfinished upload, 1,000 per page. */
    public static ListMultipartUploadsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * With {@link #keyMarker()}: start after this upload of that key (a page's {@code nextUploadIdMarker}), or {@code null} (default).
     */
    public @Nullable String uploadIdMarker() {
        return itemMarker();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    @Override
    public String toString() {
        return describe("ListMultipartUploadsOptions", "uploadIdMarker");
    }

    /** Builds {@link ListMultipartUploadsOptions}. */
    public static final class Builder extends KeyMarkerListingOptions.Builder<Builder, ListMultipartUploadsOptions> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * With {@link #keyMarker(String)}: start after this upload of that key (a page's {@code nextUploadIdMarker}), or
         * {@code null} (default).
         */
        public Builder uploadIdMarker(@Nullable String uploadIdMarker) {
            return itemMarker(uploadIdMarker);
        }

        @Override
        public ListMultipartUploadsOptions build() {
            return new ListMultipartUploadsOptions(this);
        }
    }
}
