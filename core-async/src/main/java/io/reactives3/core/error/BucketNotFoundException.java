package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The bucket does not exist (404 {@code NoSuchBucket}, or a 404 without a code to HeadBucket).
 * Arrives from any call naming a missing bucket.
 */
public final class BucketNotFoundException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public BucketNotFoundException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
