package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store answered a request with an error. Carries what was asked (operation, bucket, key) and what the store
 * said (HTTP status, S3 error code, request id); the message reads like
 * {@code "GetObject s3://bucket/key failed: 404 NoSuchKey (request id 4F2A...): The specified key does not exist."}.
 * Arrives through {@code onError} of the failed call.
 *
 * <p>Well-known errors have subtypes ({@link BucketNotFoundException}, {@link ObjectNotFoundException},
 * {@link UploadNotFoundException}, {@link AccessDeniedException}, {@link PreconditionFailedException},
 * {@link NotModifiedException}, {@link RangeNotSatisfiableException}, {@link BucketConflictException},
 * {@link ThrottledException}, {@link BadRequestException}); any other status (e.g. 500, 503) arrives as this class.
 */
public sealed class S3ServiceException extends S3ToolkitException
        permits BucketNotFoundException, ObjectNotFoundException, UploadNotFoundException, AccessDeniedException,
        PreconditionFailedException, NotModifiedException, RangeNotSatisfiableException, BucketConflictException,
        ThrottledException, BadRequestException {

    private final ServiceErrorContext context;

    /** An error answer described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public S3ServiceException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context.message(), cause);
        this.context = context;
    }

    /** Everything known about the failed request and the store's answer. */
    public ServiceErrorContext context() {
        return context;
    }

    /** The S3 operation that failed, e.g. {@code GetObject}. */
    public String operation() {
        return context.operation();
    }

    /** The bucket the request named, or {@code null} for service-level operations. */
    public @Nullable String bucket() {
        return context.bucket();
    }

    /** The object key the request named, or {@code null}. */
    public @Nullable String key() {
        return context.key();
    }

    /** The HTTP status code of the error response. */
    public int statusCode() {
        return context.statusCode();
    }

    /** The S3 error code ({@code NoSuchKey}, {@code SlowDown}, ...), or {@code null} when the response had none. */
    public @Nullable String errorCode() {
        return context.errorCode();
    }

    /** The store's request id, or {@code null}. */
    public @Nullable String requestId() {
        return context.requestId();
    }

    /**
     * Whether retrying the same request may succeed: a 5xx status, throttling (429, {@code SlowDown},
     * {@code Throttling}) or {@code RequestTimeout}.
     */
    public boolean isRetryable() {
        int status = statusCode();
        String code = errorCode();
        return status >= 500 || status == 429 || "RequestTimeout".equals(code)
                || "SlowDown".equals(code) || "Throttling".equals(code);
    }
}
