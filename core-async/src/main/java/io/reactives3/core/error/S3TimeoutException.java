package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A timeout expired before the store answered or finished answering: the SDK's API-call or attempt timeout, a read,
 * write or connect timeout, the connection pool's acquire timeout, or the transfer engine's part idle timeout. Arrives
 * through {@code onError}; the message says which setting to raise.
 */
public final class S3TimeoutException extends S3TransportException {

    /** A timeout described by {@code message}; {@code cause} is the underlying exception or {@code null}. */
    public S3TimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
