package io.reactives3.core.error;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store error was about: what was asked (operation, bucket, key) and what the store said (HTTP status, S3
 * error code, request id, message). The argument of every {@link S3ServiceException} and
 * {@link UnsupportedByStoreException} constructor; build one in tests to construct those exceptions.
 *
 * @param operation  S3 operation name, e.g. {@code GetObject}
 * @param bucket     bucket, or {@code null} for service-level operations
 * @param key        object key, or {@code null}
 * @param statusCode HTTP status of the error response
 * @param errorCode  S3 error code ({@code NoSuchKey}, ...), or {@code null} when the response had none
 * @param requestId  the store's request id, or {@code null}
 * @param detail     the store's error message, or {@code null}
 */
public record ServiceErrorContext(String operation, @Nullable String bucket, @Nullable String key, int statusCode,
                                  @Nullable String errorCode, @Nullable String requestId, @Nullable String detail)
        implements Serializable {

    /** Checks that {@code operation} is set. */
    public ServiceErrorContext {
        Objects.requireNonNull(operation, "operation");
    }

    /** {@code "<operation> s3://bucket/key failed: <status> <code> (request id <id>): <detail>"}. */
    public String message() {
        StringBuilder sb = new StringBuilder(operation);
        if (bucket != null) {
            sb.append(" s3://").append(bucket);
            if (key != null) {
                sb.append('/').append(key);
            }
        }
        sb.append(" failed: ").append(statusCode);
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
