package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A condition did not hold (412 {@code PreconditionFailed}): {@code If-Match}, {@code If-None-Match} on a write,
 * {@code If-Unmodified-Since}, or the object changed during a multi-request read. Arrives from conditional reads,
 * writes and copies, and from ranged downloads when the object changes under them.
 */
public final class PreconditionFailedException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public PreconditionFailedException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
