package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store does not implement the operation or a header it was sent (501 {@code NotImplemented}); common on
 * S3-compatible stores. Arrives through {@code onError} of the call the store refused. It is a branch of its own, not
 * an {@link S3ServiceException}: retrying never helps and a caller probing a store's capabilities catches it alone;
 * it carries the same {@link ServiceErrorContext} and accessors.
 */
public final class UnsupportedByStoreException extends S3ToolkitException {

    private final ServiceErrorContext context;

    /** The refusal described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public UnsupportedByStoreException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context.message(), cause);
        this.context = context;
    }

    /** Everything known about the refused request and the store's answer. */
    public ServiceErrorContext context() {
        return context;
    }

    /** The S3 operation the store does not support, e.g. {@code PutBucketLifecycleConfiguration}. */
    public String operation() {
        return context.operation();
    }

    /** The bucket the request named, or {@code null}. */
    public @Nullable String bucket() {
        return context.bucket();
    }

    /** The object key the request named, or {@code null}. */
    public @Nullable String key() {
        return context.key();
    }

    /** The HTTP status code of the error response (usually 501). */
    public int statusCode() {
        return context.statusCode();
    }

    /** The S3 error code (usually {@code NotImplemented}), or {@code null}. */
    public @Nullable String errorCode() {
        return context.errorCode();
    }

    /** The store's request id, or {@code null}. */
    public @Nullable String requestId() {
        return context.requestId();
    }
}
