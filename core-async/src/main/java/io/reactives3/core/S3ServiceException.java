package io.reactives3.core;

import java.util.Objects;

/**
 * The store answered a request with an error. Carries what was asked (operation, bucket, key) and what the store
 * said (HTTP status, S3 error code, request id); the message reads like
 * {@code "GetObject s3://bucket/key failed: 404 NoSuchKey (request id 4F2A...): The specified key does not exist."}.
 *
 * <p>Well-known errors have subtypes ({@link BucketNotFoundException}, {@link ObjectNotFoundException},
 * {@link S3AccessDeniedException}, {@link PreconditionFailedException}, {@link ThrottledException}, ...); anything
 * else arrives as this class.
 */
public class S3ServiceException extends S3ToolkitException {

    private final String operation;
    private final String bucket;
    private final String key;
    private final int statusCode;
    private final String errorCode;
    private final String requestId;

    public S3ServiceException(ErrorContext context, Throwable cause) {
        super(context.message(), cause);
        this.operation = context.operation();
        this.bucket = context.bucket();
        this.key = context.key();
        this.statusCode = context.statusCode();
        this.errorCode = context.errorCode();
        this.requestId = context.requestId();
    }

    /** The S3 operation that failed, e.g. {@code GetObject}. */
    public String operation() {
        return operation;
    }

    /** The bucket the request named, or {@code null} for service-level operations. */
    public String bucket() {
        return bucket;
    }

    /** The object key the request named, or {@code null}. */
    public String key() {
        return key;
    }

    /** The HTTP status code of the error response. */
    public int statusCode() {
        return statusCode;
    }

    /** The S3 error code ({@code NoSuchKey}, {@code SlowDown}, ...), or {@code null} when the response had none. */
    public String errorCode() {
        return errorCode;
    }

    /** The store's request id, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** Whether retrying the same request may succeed (5xx, throttling, request timeout). */
    public boolean isRetryable() {
        return statusCode >= 500 || statusCode == 429 || "RequestTimeout".equals(errorCode)
                || "SlowDown".equals(errorCode) || "Throttling".equals(errorCode);
    }

    /**
     * What an error was about, used to build messages and subtypes.
     *
     * @param operation  S3 operation name
     * @param bucket     bucket or {@code null}
     * @param key        key or {@code null}
     * @param statusCode HTTP status
     * @param errorCode  S3 error code or {@code null}
     * @param requestId  request id or {@code null}
     * @param detail     the store's error message or {@code null}
     */
    public record ErrorContext(String operation, String bucket, String key, int statusCode, String errorCode,
                               String requestId, String detail) {
        public ErrorContext {
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
}
