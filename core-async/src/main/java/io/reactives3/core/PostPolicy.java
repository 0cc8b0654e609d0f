package io.reactives3.core;

import io.reactives3.core.spi.Arguments;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.CannedAcl;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a presigned POST (a browser form upload) may store: the policy the store checks before it accepts the file.
 * Immutable; build one with {@link #builder()} and sign it with {@link Presigner#post(String, PostPolicy)}.
 *
 * <pre>{@code
 * PostPolicy policy = PostPolicy.builder()
 *         .keyStartsWith("uploads/user-42/")          // the form sends key = "uploads/user-42/${filename}"
 *         .contentLengthRange(1, 10 * 1024 * 1024)    // 1 byte .. 10 MiB
 *         .contentTypeStartsWith("image/")            // the form must send a Content-Type field, e.g. image/png
 *         .metadata("uploaded-by", "user-42")
 *         .successActionStatus(201)
 *         .expiresIn(Duration.ofMinutes(10))
 *         .build();
 * }</pre>
 *
 * <p>Every field the form sends must be allowed by a condition, and every condition must be met. Conditions with a
 * fixed value ({@link Builder#key(String) key}, {@link Builder#contentType(String) contentType}, {@link Builder#acl(CannedAcl) acl},
 * {@link Builder#metadata(String, String) metadata}, success action, {@link Builder#condition(String, String) condition})
 * also become form fields of the signed {@link io.reactives3.core.model.PresignedPost}; a {@code starts-with}
 * condition's value is the form's to supply (except the key: a key prefix becomes the field
 * {@code key = prefix + "${filename}"}, which the store completes with the uploaded file's name; a form may send its
 * own key under the prefix instead).
 *
 * <p>Field names are matched without regard to case, values exactly (S3 rules). A field may be constrained only
 * once. The bucket and the SigV4 fields ({@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date},
 * {@code x-amz-security-token}) are added when signing.
 */
public final class PostPolicy {

    /** Field names the builder or the signer manage: extra conditions may not name them. */
    private static final Set<String> RESERVED_FIELDS = Set.of("bucket", "key", "content-type", "acl",
            "success_action_status", "success_action_redirect", "redirect", "policy", "file", "x-amz-algorithm",
            "x-amz-credential", "x-amz-date", "x-amz-security-token", "x-amz-signature", "signature",
            "awsaccesskeyid");
    /** A form field name: printable ASCII without separators, as an HTTP header name. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Set<Integer> SUCCESS_STATUSES = Set.of(200, 201, 204);

    private final List<Condition> conditions;
    private final Map<String, String> formFields;
    private final Duration expiresIn;
    private final Instant expiresAt;

    private PostPolicy(List<Condition> conditions, Map<String, String> formFields, Duration expiresIn,
                       Instant expiresAt) {
        this.conditions = List.copyOf(conditions);
        this.formFields = Collections.unmodifiableMap(new LinkedHashMap<>(formFields));
        this.expiresIn = expiresIn;
        this.expiresAt = expiresAt;
    }

    /** A builder; a key (or key prefix) and an expiry are required. */
    public static Builder builder() {
        return new Builder(Clock.systemUTC());
    }

    /**
     * The policy's conditions in the order they are signed, without the bucket and SigV4 conditions the signer
     * adds.
     */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * The form fields the policy fixes, in the order to send them: {@code key} first, then the other fixed-value
     * conditions. The signer appends {@code policy} and the SigV4 fields.
     */
    public Map<String, String> formFields() {
        return formFields;
    }

    /**
     * When the policy expires if signed at {@code signingTime}: {@code signingTime} plus the relative expiry, or the
     * absolute one.
     *
     * @throws InvalidInputException when an absolute expiry is not within (signingTime, signingTime + 7 days]
     */
    public Instant expiration(Instant signingTime) {
        Objects.requireNonNull(signingTime, "signingTime");
        if (expiresIn != null) {
            return signingTime.plus(expiresIn);
        }
        Arguments.positive(Duration.between(signingTime, expiresAt), Presigner.MAX_EXPIRY,
                "time from signing to expiresAt");
        return expiresAt;
    }

    @Override
    public String toString() {
        return "PostPolicy[conditions=" + conditions + ", "
                + (expiresIn != null ? "expiresIn=" + expiresIn : "expiresAt=" + expiresAt) + "]";
    }

    /** One condition of a POST policy. */
    public sealed interface Condition permits Equals, StartsWith, ContentLengthRange {
    }

    /**
     * The form field {@code field} must equal {@code value} (policy JSON {@code {"field": "value"}}).
     *
     * @param field the form field name, as sent (e.g. {@code Content-Type})
     * @param value the exact value
     */
    public record Equals(String field, String value) implements Condition {
        public Equals {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The form field {@code field} must start with {@code prefix}; an empty prefix allows any value (policy JSON
     * {@code ["starts-with", "$field", "prefix"]}).
     *
     * @param field  the form field name
     * @param prefix the required prefix
     */
    public record StartsWith(String field, String prefix) implements Condition {
        public StartsWith {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /**
     * The uploaded file must be {@code min..max} bytes long, both inclusive (policy JSON
     * {@code ["content-length-range", min, max]}).
     *
     * @param min the smallest size allowed, in bytes, {@code >= 0}
     * @param max the largest size allowed, in bytes, {@code >= min}
     */
    public record ContentLengthRange(long min, long max) implements Condition {
        public ContentLengthRange {
            if (min < 0 || max < min) {
                throw new InvalidInputException("content-length-range needs 0 <= min <= max, got min=" + min
                        + ", max=" + max);
            }
        }
    }

    /**
     * Builds a {@link PostPolicy}. Setters check their argument when called ({@link InvalidInputException} /
     * {@link NullPointerException}); {@link #build()} checks that the combination is complete and unambiguous.
     */
    public static final class Builder {
        private final Clock clock;
        private String key;
        private String keyPrefix;
        private ContentLengthRange contentLengthRange;
        private String contentType;
        private String contentTypePrefix;
        private CannedAcl acl;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private Integer successActionStatus;
        private URI successActionRedirect;
        private Duration expiresIn;
        private Instant expiresAt;
        private final List<Condition> extraConditions = new ArrayList<>();

        Builder(Clock clock) {
            this.clock = clock;
        }

        /** The upload must be stored under exactly {@code key} (a valid S3 key). Excludes {@link #keyStartsWith}. */
        public Builder key(String key) {
            this.key = Arguments.key(key);
            return this;
        }

        /**
         * The upload's key must start with {@code prefix} ({@code ""} allows any key). The signed form then carries
         * {@code key = prefix + "${filename}"}. Excludes {@link #key}.
         */
        public Builder keyStartsWith(String prefix) {
            Objects.requireNonNull(prefix, "key prefix must not be null");
            if (prefix.getBytes(StandardCharsets.UTF_8).length > Arguments.MAX_KEY_BYTES) {
                throw new InvalidInputException("key prefix is longer than an S3 key may be ("
                        + Arguments.MAX_KEY_BYTES + " UTF-8 bytes)");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** The file must be {@code min..max} bytes long, both inclusive; {@code 0 <= min <= max}. Default: no limit. */
        public Builder contentLengthRange(long min, long max) {
            this.contentLengthRange = new ContentLengthRange(min, max);
            return this;
        }

        /** The form's {@code Content-Type} (stored as the object's content type) must be exactly {@code contentType}. */
        public Builder contentType(String contentType) {
            this.contentType = requireText(contentType, "contentType");
            return this;
        }

        /** The form must send a {@code Content-Type} starting with {@code prefix}, e.g. {@code image/}. */
        public Builder contentTypeStartsWith(String prefix) {
            this.contentTypePrefix = Objects.requireNonNull(prefix, "contentType prefix must not be null");
            return this;
        }

        /** The object gets the canned {@code acl} (form field {@code acl}). Default: none (the bucket's default). */
        public Builder acl(CannedAcl acl) {
            this.acl = Objects.requireNonNull(acl, "acl must not be null");
            return this;
        }

        /**
         * The object gets user metadata {@code name = value} (form field {@code x-amz-meta-<name>}). {@code name} is
         * given without the prefix and must be a valid header name; {@code value} must not contain control
         * characters.
         */
        public Builder metadata(String name, String value) {
            Objects.requireNonNull(name, "metadata name must not be null");
            Objects.requireNonNull(value, "metadata value must not be null");
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new InvalidInputException("invalid metadata name '" + name
                        + "': use letters, digits and - _ . (a valid HTTP header name)");
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidInputException("metadata value for '" + name + "' contains control characters");
            }
            metadata.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /** The status the store answers a successful upload with: 200, 201 (with an XML body) or 204 (S3's default). */
        public Builder successActionStatus(int status) {
            if (!SUCCESS_STATUSES.contains(status)) {
                throw new InvalidInputException("successActionStatus must be 200, 201 or 204, got " + status);
            }
            this.successActionStatus = status;
            return this;
        }

        /** After a successful upload the store redirects the browser (303) to {@code url} (absolute http/https). */
        public Builder successActionRedirect(URI url) {
            Objects.requireNonNull(url, "successActionRedirect must not be null");
            String scheme = url.getScheme();
            if (!url.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new InvalidInputException("successActionRedirect must be an absolute http(s) URL, got "
                        + url);
            }
            this.successActionRedirect = url;
            return this;
        }

        /** The policy expires {@code expiry} after it is signed: positive, at most 7 days. Excludes {@link #expiresAt}. */
        public Builder expiresIn(Duration expiry) {
            this.expiresIn = Arguments.positive(expiry, Presigner.MAX_EXPIRY, "expiry");
            return this;
        }

        /**
         * The policy expires at {@code expiration}: in the future and at most 7 days away (checked here and again
         * when signing). Excludes {@link #expiresIn}.
         */
        public Builder expiresAt(Instant expiration) {
            Objects.requireNonNull(expiration, "expiration must not be null");
            Arguments.positive(Duration.between(clock.instant(), expiration), Presigner.MAX_EXPIRY,
                    "time until expiresAt");
            this.expiresAt = expiration;
            return this;
        }

        /**
         * An extra condition: form field {@code field} must equal {@code value}; the field is added to the form.
         * For fields this builder does not cover, e.g. {@code x-amz-server-side-encryption} or
         * {@code Cache-Control}. {@code field} is the name without {@code $}.
         */
        public Builder condition(String field, String value) {
            extraConditions.add(new Equals(extraField(field), Objects.requireNonNull(value, "value must not be null")));
            return this;
        }

        /**
         * An extra condition: form field {@code field} must start with {@code prefix} ({@code ""}: any value). The
         * form supplies the field.
         */
        public Builder conditionStartsWith(String field, String prefix) {
            extraConditions.add(new StartsWith(extraField(field),
                    Objects.requireNonNull(prefix, "prefix must not be null")));
            return this;
        }

        /**
         * The policy.
         *
         * @throws InvalidInputException when neither or both of key and key prefix, of content type and content
         *                                  type prefix, or of the two expiries are set, or a field is constrained twice
         */
        public PostPolicy build() {
            if ((key == null) == (keyPrefix == null)) {
                throw new InvalidInputException(key == null
                        ? "a POST policy needs key(...) or keyStartsWith(...)"
                        : "set key(...) or keyStartsWith(...), not both");
            }
            if (contentType != null && contentTypePrefix != null) {
                throw new InvalidInputException("set contentType(...) or contentTypeStartsWith(...), not both");
            }
            if ((expiresIn == null) == (expiresAt == null)) {
                throw new InvalidInputException(expiresIn == null
                        ? "a POST policy needs expiresIn(...) or expiresAt(...)"
                        : "set expiresIn(...) or expiresAt(...), not both");
            }
            List<Condition> conditions = new ArrayList<>();
            Map<String, String> fields = new LinkedHashMap<>();
            if (key != null) {
                conditions.add(new Equals("key", key));
                fields.put("key", key);
            } else {
                conditions.add(new StartsWith("key", keyPrefix));
                fields.put("key", keyPrefix + "${filename}");
            }
            if (contentLengthRange != null) {
                conditions.add(contentLengthRange);
            }
            if (contentType != null) {
                conditions.add(new Equals("Content-Type", contentType));
            } else if (contentTypePrefix != null) {
                conditions.add(new StartsWith("Content-Type", contentTypePrefix));
            }
            if (acl != null) {
                conditions.add(new Equals("acl", acl.headerValue()));
            }
            if (successActionStatus != null) {
                conditions.add(new Equals("success_action_status", successActionStatus.toString()));
            }
            if (successActionRedirect != null) {
                conditions.add(new Equals("success_action_redirect", successActionRedirect.toString()));
            }
            metadata.forEach((name, value) -> conditions.add(new Equals("x-amz-meta-" + name, value)));
            conditions.addAll(extraConditions);
            Set<String> seen = new HashSet<>();
            for (Condition condition : conditions) {
                String field = fieldOf(condition);
                if (field != null && !seen.add(field.toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("form field '" + field + "' is constrained twice");
                }
                if (condition instanceof Equals equals && !equals.field().equals("key")) {
                    fields.put(equals.field(), equals.value());
                }
            }
            return new PostPolicy(conditions, fields, expiresIn, expiresAt);
        }

        private static String fieldOf(Condition condition) {
            if (condition instanceof Equals equals) {
                return equals.field();
            }
            if (condition instanceof StartsWith startsWith) {
                return startsWith.field();
            }
            return null;
        }

        private static String extraField(String field) {
            Objects.requireNonNull(field, "field must not be null");
            if (!FIELD_NAME.matcher(field).matches() || field.startsWith("$")) {
                throw new InvalidInputException("invalid form field name '" + field
                        + "': use a header-like name without '$', e.g. x-amz-server-side-encryption");
            }
            if (RESERVED_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("form field '" + field + "' is managed by the builder or the "
                        + "signer; use its own method (key, contentType, acl, successAction..., expiry)");
            }
            return field;
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isBlank()) {
                throw new InvalidInputException(name + " must not be blank");
            }
            return value;
        }
    }
}
