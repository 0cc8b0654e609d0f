package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came from the store: the connection was refused or reset, the body was closed mid-way, or the
 * client could not sign or send the request. Arrives through {@code onError}; the message names the operation and
 * target, the cause is the SDK, CRT or I/O exception. A new attempt may succeed; {@link S3TimeoutException} is the
 * subtype for expired timeouts.
 */
public sealed class S3TransportException extends S3ToolkitException permits S3TimeoutException {

    /** A transport failure described by {@code message}; {@code cause} is the underlying exception or {@code null}. */
    public S3TransportException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
