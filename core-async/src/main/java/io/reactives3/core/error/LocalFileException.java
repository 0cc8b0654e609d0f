package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A local file step of an upload or download failed: the file is missing, not a regular file or not readable, it
 * changed during the upload, or the target directory or file could not be created or written. Arrives through
 * {@code onError} of the transfer; the message names the operation and the file, the cause is the
 * {@link java.io.IOException} when there was one.
 */
public final class LocalFileException extends ClientSideException {

    /** A local file failure described by {@code message}. */
    public LocalFileException(String message) {
        super(message);
    }

    /** A local file failure described by {@code message}; {@code cause} is the I/O exception or {@code null}. */
    public LocalFileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
