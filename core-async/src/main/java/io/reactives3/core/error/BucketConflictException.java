package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The bucket name is taken or the bucket is in a conflicting state (409: {@code BucketAlreadyExists},
 * {@code BucketAlreadyOwnedByYou}, {@code BucketNotEmpty}, {@code OperationAborted}). Arrives from bucket creation and
 * deletion, and other requests that conflict with the bucket's state.
 */
public final class BucketConflictException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public BucketConflictException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
