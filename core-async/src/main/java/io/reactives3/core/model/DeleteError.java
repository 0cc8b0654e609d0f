package io.reactives3.core.model;

import java.util.Objects;

/**
 * A key a batch delete could not remove: partial failure is data, not an exception.
 *
 * @param key       object key
 * @param versionId the version named in the request, or {@code null}
 * @param code      S3 error code (e.g. {@code AccessDenied})
 * @param message   the store's message, or {@code null}
 */
public record DeleteError(String key, String versionId, String code, String message) {
    public DeleteError {
        Objects.requireNonNull(key, "key");
    }
}
