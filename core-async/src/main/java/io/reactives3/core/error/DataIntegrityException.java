package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Bytes did not match what was expected: a checksum, MD5 or ETag mismatch, or a body shorter or longer than
 * announced. Arrives through {@code onError} of the read or write; the data is never delivered as a success.
 */
public final class DataIntegrityException extends S3ToolkitException {

    /** A mismatch described by {@code message}. */
    public DataIntegrityException(String message) {
        super(message);
    }

    /** A mismatch described by {@code message}; {@code cause} is the underlying exception or {@code null}. */
    public DataIntegrityException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
