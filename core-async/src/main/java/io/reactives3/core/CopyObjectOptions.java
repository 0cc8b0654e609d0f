package io.reactives3.core;

import io.reactives3.core.model.CannedAcl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Optional parts of a server-side copy. Immutable; build with {@link #builder()}; {@link #defaults()} copies the
 * latest source version with its metadata.
 */
public final class CopyObjectOptions {

    private static final CopyObjectOptions DEFAULTS = builder().build();

    private final String sourceVersionId;
    private final String sourceIfMatch;
    private final boolean replaceMetadata;
    private final String contentType;
    private final Map<String, String> metadata;
    private final CannedAcl acl;
    private final String storageClass;

    private CopyObjectOptions(Builder b) {
        this.sourceVersionId = b.sourceVersionId;
        this.sourceIfMatch = b.sourceIfMatch;
        this.replaceMetadata = b.replaceMetadata;
        this.contentType = b.contentType;
        this.metadata = Map.copyOf(b.metadata);
        this.acl = b.acl;
        this.storageClass = b.storageClass;
    }

    /** Copy the latest version, keeping its metadata. */
    public static CopyObjectOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The source version to copy, or {@code null} for the latest. */
    public String sourceVersionId() {
        return sourceVersionId;
    }

    /** Copy only if the source's ETag is this ({@code x-amz-copy-source-if-match}), or {@code null}. */
    public String sourceIfMatch() {
        return sourceIfMatch;
    }

    /** Whether the copy gets {@link #contentType()} and {@link #metadata()} instead of the source's (REPLACE directive). */
    public boolean replaceMetadata() {
        return replaceMetadata;
    }

    /** The copy's content type when replacing metadata, or {@code null}. */
    public String contentType() {
        return contentType;
    }

    /** The copy's user metadata when replacing metadata. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Canned ACL of the copy, or {@code null}. */
    public CannedAcl acl() {
        return acl;
    }

    /** Storage class of the copy, or {@code null}. */
    public String storageClass() {
        return storageClass;
    }

    /** Builds {@link CopyObjectOptions}. */
    public static final class Builder {
        private String sourceVersionId;
        private String sourceIfMatch;
        private boolean replaceMetadata;
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private CannedAcl acl;
        private String storageClass;

        private Builder() {
        }

        public Builder sourceVersionId(String versionId) {
            this.sourceVersionId = versionId;
            return this;
        }

        public Builder sourceIfMatch(String eTag) {
            this.sourceIfMatch = eTag;
            return this;
        }

        /** Replace the metadata: the copy gets this content type and the metadata added with {@link #metadata}. */
        public Builder replaceMetadata(String contentType, Map<String, String> metadata) {
            this.replaceMetadata = true;
            this.contentType = contentType;
            this.metadata.clear();
            metadata.forEach((k, v) -> this.metadata.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
            return this;
        }

        public Builder acl(CannedAcl acl) {
            this.acl = acl;
            return this;
        }

        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        public CopyObjectOptions build() {
            return new CopyObjectOptions(this);
        }
    }
}
