package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store answered a request with an error. Carries what was asked (operation, bucket, key) and what the store
 * said (HTTP status, S3 error code, request id); the message reads like
 * {@code "GetObject s3://bucket/key failed: 404 NoSuchKey (request id 4F2A...): The specified key does not exist."}.
 * Arrives through {@code onError} of the failed call. The accessors ({@link #operation()}, {@link #statusCode()},
 * {@link #errorCode()}, {@link #requestId()}, ...) come from {@link StoreError}.
 *
 * <p>Well-known errors have subtypes ({@link BucketNotFoundException}, {@link ObjectNotFoundException},
 * {@link UploadNotFoundException}, {@link AccessDeniedException}, {@link PreconditionFailedException},
 * {@link NotModifiedException}, {@link RangeNotSatisfiableException}, {@link BucketConflictException},
 * {@link ThrottledException}, {@link BadRequestException}); any other status (e.g. 500, 503) arrives as this class.
 */
public sealed class S3ServiceException extends S3ToolkitException implements StoreError
        permits BucketNotFoundException, ObjectNotFoundException, UploadNotFoundException, AccessDeniedException,
        PreconditionFailedException, NotModifiedException, RangeNotSatisfiableException, BucketConflictException,
        ThrottledException, BadRequestException {

    private final ServiceErrorContext context;

    /** An error answer described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public S3ServiceException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context.message(), cause);
        this.context = context;
    }

    @Override
    public ServiceErrorContext context() {
        return context;
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
