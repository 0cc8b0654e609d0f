package io.reactives3.core.model;

import io.reactives3.core.error.InvalidInputException;
import java.util.Objects;

/**
 * One bucket lifecycle rule, the common subset: which objects (a key prefix), and when they expire. For tag filters,
 * transitions and the rest, use the SDK-request overloads of the client.
 *
 * <pre>{@code
 * BucketLifecycleRule.builder().id("tmp").prefix("tmp/").expirationDays(1).abortIncompleteMultipartUploadDays(1).build()
 * }</pre>
 *
 * @param id                                  rule id (1..255 characters)
 * @param prefix                              key prefix the rule applies to; empty for the whole bucket
 * @param enabled                             whether the rule is active
 * @param expirationDays                      days after creation when current versions expire, or {@code null}
 * @param noncurrentVersionExpirationDays     days after becoming noncurrent when versions are removed, or {@code null}
 * @param abortIncompleteMultipartUploadDays  days after initiation when unfinished uploads are aborted, or {@code null}
 */
public record BucketLifecycleRule(String id, String prefix, boolean enabled, Integer expirationDays,
                            Integer noncurrentVersionExpirationDays, Integer abortIncompleteMultipartUploadDays) {

    public BucketLifecycleRule {
        Objects.requireNonNull(id, "id");
        prefix = prefix == null ? "" : prefix;
        requirePositive(expirationDays, "expirationDays");
        requirePositive(noncurrentVersionExpirationDays, "noncurrentVersionExpirationDays");
        requirePositive(abortIncompleteMultipartUploadDays, "abortIncompleteMultipartUploadDays");
        if (expirationDays == null && noncurrentVersionExpirationDays == null
                && abortIncompleteMultipartUploadDays == null) {
            throw new InvalidInputException("lifecycle rule '" + id + "' has no action: set expirationDays, "
                    + "noncurrentVersionExpirationDays or abortIncompleteMultipartUploadDays");
        }
    }

    private static void requirePositive(Integer days, String name) {
        if (days != null && days < 1) {
            throw new InvalidInputException(name + " must be >= 1, got " + days);
        }
    }

    /** A builder; {@code id} and at least one action are required, the rule is enabled by default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BucketLifecycleRule}. */
    public static final class Builder {
        private String id;
        private String prefix = "";
        private boolean enabled = true;
        private Integer expirationDays;
        private Integer noncurrentVersionExpirationDays;
        private Integer abortIncompleteMultipartUploadDays;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder expirationDays(int days) {
            this.expirationDays = days;
            return this;
        }

        public Builder noncurrentVersionExpirationDays(int days) {
            this.noncurrentVersionExpirationDays = days;
            return this;
        }

        public Builder abortIncompleteMultipartUploadDays(int days) {
            this.abortIncompleteMultipartUploadDays = days;
            return this;
        }

        public BucketLifecycleRule build() {
            return new BucketLifecycleRule(id, prefix, enabled, expirationDays, noncurrentVersionExpirationDays,
                    abortIncompleteMultipartUploadDays);
        }
    }
}
