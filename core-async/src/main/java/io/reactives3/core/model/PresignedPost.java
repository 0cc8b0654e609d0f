package io.reactives3.core.model;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A presigned browser-style POST upload: an HTML form (or any multipart/form-data client) posts {@link #fields()}
 * followed by a {@code file} field to {@link #url()}. The store checks the signed policy: a file that breaks it (size,
 * key, content type, expiry, a field the policy does not mention) is refused. {@link #toString()} hides the policy
 * signature.
 *
 * <p>The {@code file} field must come <b>last</b>: S3 ignores every field after it, and stores stop reading the form
 * there. Fields whose values the policy only constrains with {@code starts-with} (a {@code Content-Type} prefix, say)
 * are the form's to add, before the file; the {@code key} field may be replaced by any key the policy allows (a
 * {@code ${filename}} in it becomes the uploaded file's name).
 *
 * <pre>{@code
 * <form action="${url}" method="post" enctype="multipart/form-data">
 *   <input type="hidden" name="key" value="uploads/${filename}">   <!-- one hidden input per field, in order -->
 *   ...
 *   <input type="file" name="file">                                  <!-- last -->
 * </form>
 * }</pre>
 *
 * @param url        the bucket URL to POST to
 * @param fields     form fields in the order to send them, before the file: {@code key}, the fields the policy fixes
 *                   (content type, acl, success action, metadata, extra conditions), then {@code policy},
 *                   {@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date},
 *                   {@code x-amz-security-token} (session credentials only) and {@code x-amz-signature}
 * @param expiration when the policy expires
 */
public record PresignedPost(URI url, Map<String, String> fields, Instant expiration) {
    public PresignedPost {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiration, "expiration");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.computeIfPresent("x-amz-signature", (k, v) -> "<redacted>");
        shown.computeIfPresent("x-amz-security-token", (k, v) -> "<redacted>");
        shown.computeIfPresent("policy", (k, v) -> "<" + v.length() + " chars>");
        return "PresignedPost[" + url + ", fields=" + shown + ", expires " + expiration + "]";
    }
}
