package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The credentials are wrong or lack permission (403 {@code AccessDenied}, {@code SignatureDoesNotMatch},
 * {@code InvalidAccessKeyId}, ...). Arrives from any call the store refuses for these credentials.
 */
public final class AccessDeniedException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public AccessDeniedException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
