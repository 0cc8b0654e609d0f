package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.PreconditionFailedException;
import java.time.Instant;

/**
 * Optional parts of GetObject / HeadObject: a range, conditions, a version, the stored checksums. Immutable; build
 * with {@link #builder()}; {@link #defaults()} sets nothing (the whole latest version, unconditionally).
 */
public final class GetObjectOptions {

    private static final GetObjectOptions DEFAULTS = builder().build();

    private final ByteRange range;
    private final String ifMatch;
    private final String ifNoneMatch;
    private final Instant ifModifiedSince;
    private final Instant ifUnmodifiedSince;
    private final String versionId;
    private final Integer partNumber;
    private final boolean checksums;

    private GetObjectOptions(Builder b) {
        this.range = b.range;
        this.ifMatch = b.ifMatch;
        this.ifNoneMatch = b.ifNoneMatch;
        this.ifModifiedSince = b.ifModifiedSince;
        this.ifUnmodifiedSince = b.ifUnmodifiedSince;
        this.versionId = b.versionId;
        this.partNumber = b.partNumber;
        this.checksums = b.checksums;
        if (range != null && partNumber != null) {
            throw new InvalidInputException("a read can name a range or a part number, not both");
        }
    }

    /** Nothing set. */
    public static GetObjectOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The byte range, or {@code null} for the whole object. */
    public ByteRange range() {
        return range;
    }

    /** {@code If-Match}: fail with {@link PreconditionFailedException} unless the ETag matches; or {@code null}. */
    public String ifMatch() {
        return ifMatch;
    }

    /** {@code If-None-Match}: answer 304 (an error) when the ETag matches; or {@code null}. */
    public String ifNoneMatch() {
        return ifNoneMatch;
    }

    /** {@code If-Modified-Since}, or {@code null}. */
    public Instant ifModifiedSince() {
        return ifModifiedSince;
    }

    /** {@code If-Unmodified-Since}, or {@code null}. */
    public Instant ifUnmodifiedSince() {
        return ifUnmodifiedSince;
    }

    /** The version to read, or {@code null} for the latest. */
    public String versionId() {
        return versionId;
    }

    /** The part number to read (1..10,000), or {@code null}; not every store supports it. */
    public Integer partNumber() {
        return partNumber;
    }

    /** Whether the store is asked for the object's stored checksums ({@code x-amz-checksum-mode: ENABLED}). */
    public boolean checksums() {
        return checksums;
    }

    /** Builds {@link GetObjectOptions}. */
    public static final class Builder {
        private ByteRange range;
        private String ifMatch;
        private String ifNoneMatch;
        private Instant ifModifiedSince;
        private Instant ifUnmodifiedSince;
        private String versionId;
        private Integer partNumber;
        private boolean checksums;

        private Builder() {
        }

        public Builder range(ByteRange range) {
            this.range = range;
            return this;
        }

        public Builder ifMatch(String eTag) {
            this.ifMatch = eTag;
            return this;
        }

        public Builder ifNoneMatch(String eTag) {
            this.ifNoneMatch = eTag;
            return this;
        }

        public Builder ifModifiedSince(Instant instant) {
            this.ifModifiedSince = instant;
            return this;
        }

        public Builder ifUnmodifiedSince(Instant instant) {
            this.ifUnmodifiedSince = instant;
            return this;
        }

        public Builder versionId(String versionId) {
            this.versionId = versionId;
            return this;
        }

        public Builder partNumber(int partNumber) {
            if (partNumber < 1 || partNumber > 10_000) {
                throw new InvalidInputException("partNumber must be within 1..10000, got " + partNumber);
            }
            this.partNumber = partNumber;
            return this;
        }

        /**
         * Asks the store for the checksums it keeps for the object ({@code x-amz-checksum-mode: ENABLED}), reported
         * in {@link io.reactives3.core.model.ObjectHead#checksumCrc32()} and its siblings; on GetObject the SDK then
         * also checks a whole object's body against a full-object checksum. Stores without flexible checksums ignore
         * it. On AWS, reading the checksums of an SSE-KMS object needs {@code kms:Decrypt}. Default {@code false}.
         */
        public Builder checksums(boolean checksums) {
            this.checksums = checksums;
            return this;
        }

        public GetObjectOptions build() {
            return new GetObjectOptions(this);
        }
    }
}
