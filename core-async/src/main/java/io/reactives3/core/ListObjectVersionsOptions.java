package io.reactives3.core;

import org.jspecify.annotations.Nullable;

/**
 * Optional parts of a ListObjectVersions listing. Immutable; build with {@link #builder()}; {@link #defaults()} lists
 * every version and delete marker, 1,000 per page.
 */
public final class ListObjectVersionsOptions extends KeyMarkerListingOptions {

    /** The most versions S3 returns per page, and the default page size. */
    public static final int MAX_PAGE_SIZE = KeyMarkerListingOptions.MAX_PAGE_SIZE;
    private static final ListObjectVersionsOptions DEFAULTS = builder().build();

    private ListObjectVersionsOptions(Builder b) {
        super(b);
    }

    /** Lists every version and delete marker, 1,000 per page. */
    public static ListObjectVersionsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * With {@link #keyMarker()}: start after this version of that key (a page's {@code nextVersionIdMarker}), or {@code null} (default).
     */
    public @Nullable String versionIdMarker() {
        return itemMarker();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    @Override
    public String toString() {
        return describe("ListObjectVersionsOptions", "versionIdMarker");
    }

    /** Builds {@link ListObjectVersionsOptions}. */
    public static final class Builder extends KeyMarkerListingOptions.Builder<Builder, ListObjectVersionsOptions> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * With {@link #keyMarker(String)}: start after this version of that key (a page's {@code nextVersionIdMarker}), or
         * {@code null} (default).
         */
        public Builder versionIdMarker(@Nullable String versionIdMarker) {
            return itemMarker(versionIdMarker);
        }

        @Override
        public ListObjectVersionsOptions build() {
            return new ListObjectVersionsOptions(this);
        }
    }
}
