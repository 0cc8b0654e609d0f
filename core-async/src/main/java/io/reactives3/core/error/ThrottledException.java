package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store asks the client to slow down (503 {@code SlowDown}, 429, {@code Throttling}, ...); retrying later may
 * succeed. Arrives from any call once the SDK's own retries are spent; the transfer engine retries it per part.
 */
public final class ThrottledException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public ThrottledException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
