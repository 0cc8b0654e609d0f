package io.reactives3.core;

import io.reactives3.core.model.CannedAcl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Optional headers of PutObject (and of CreateMultipartUpload for managed uploads). Immutable; build with
 * {@link #builder()}; {@link #defaults()} sets nothing.
 */
public final class PutObjectOptions {

    private static final PutObjectOptions DEFAULTS = builder().build();

    private final String contentType;
    private final String contentEncoding;
    private final String cacheControl;
    private final String contentDisposition;
    private final Map<String, String> metadata;
    private final CannedAcl acl;
    private final Map<String, String> tags;
    private final String storageClass;
    private final String ifNoneMatch;
    private final String ifMatch;

    private PutObjectOptions(Builder b) {
        this.contentType = b.contentType;
        this.contentEncoding = b.contentEncoding;
        this.cacheControl = b.cacheControl;
        this.contentDisposition = b.contentDisposition;
        this.metadata = Map.copyOf(b.metadata);
        this.acl = b.acl;
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.storageClass = b.storageClass;
        this.ifNoneMatch = b.ifNoneMatch;
        this.ifMatch = b.ifMatch;
    }

    /** No optional header. */
    public static PutObjectOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Content-Type}, or {@code null} (the store then defaults, usually {@code binary/octet-stream}). */
    public String contentType() {
        return contentType;
    }

    /** {@code Content-Encoding}, or {@code null}. */
    public String contentEncoding() {
        return contentEncoding;
    }

    /** {@code Cache-Control}, or {@code null}. */
    public String cacheControl() {
        return cacheControl;
    }

    /** {@code Content-Disposition}, or {@code null}. */
    public String contentDisposition() {
        return contentDisposition;
    }

    /** User metadata ({@code x-amz-meta-<name>}), empty by default. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Canned ACL, or {@code null}. */
    public CannedAcl acl() {
        return acl;
    }

    /** Object tags, empty by default. */
    public Map<String, String> tags() {
        return tags;
    }

    /** Storage class (e.g. {@code STANDARD_IA}), or {@code null}. */
    public String storageClass() {
        return storageClass;
    }

    /** {@code If-None-Match} ({@code *} = only create, never overwrite), or {@code null}. */
    public String ifNoneMatch() {
        return ifNoneMatch;
    }

    /** {@code If-Match}: only overwrite this ETag, or {@code null}. */
    public String ifMatch() {
        return ifMatch;
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.contentType = contentType;
        b.contentEncoding = contentEncoding;
        b.cacheControl = cacheControl;
        b.contentDisposition = contentDisposition;
        b.metadata.putAll(metadata);
        b.acl = acl;
        b.tags.putAll(tags);
        b.storageClass = storageClass;
        b.ifNoneMatch = ifNoneMatch;
        b.ifMatch = ifMatch;
        return b;
    }

    /** Builds {@link PutObjectOptions}. */
    public static final class Builder {
        private String contentType;
        private String contentEncoding;
        private String cacheControl;
        private String contentDisposition;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private CannedAcl acl;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String storageClass;
        private String ifNoneMatch;
        private String ifMatch;

        private Builder() {
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder contentEncoding(String contentEncoding) {
            this.contentEncoding = contentEncoding;
            return this;
        }

        public Builder cacheControl(String cacheControl) {
            this.cacheControl = cacheControl;
            return this;
        }

        public Builder contentDisposition(String contentDisposition) {
            this.contentDisposition = contentDisposition;
            return this;
        }

        /** Adds one user metadata entry; names are sent lower-cased by most stores. */
        public Builder metadata(String name, String value) {
            this.metadata.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds user metadata entries. */
        public Builder metadata(Map<String, String> metadata) {
            metadata.forEach(this::metadata);
            return this;
        }

        public Builder acl(CannedAcl acl) {
            this.acl = acl;
            return this;
        }

        /** Adds one tag. */
        public Builder tag(String key, String value) {
            this.tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        public Builder ifNoneMatch(String ifNoneMatch) {
            this.ifNoneMatch = ifNoneMatch;
            return this;
        }

        public Builder ifMatch(String ifMatch) {
            this.ifMatch = ifMatch;
            return this;
        }

        public PutObjectOptions build() {
            return new PutObjectOptions(this);
        }
    }
}
