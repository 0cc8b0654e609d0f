package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The caller or the local environment is at fault: nothing was sent ({@link InvalidInputException}), a local file
 * step failed ({@link LocalFileException}), or a waiter gave up ({@link WaitTimeoutException}). Retrying the same
 * call unchanged does not help.
 */
public abstract sealed class ClientSideException extends S3ToolkitException
        permits InvalidInputException, LocalFileException, WaitTimeoutException {

    /** An error with {@code message} and no cause. */
    protected ClientSideException(String message) {
        super(message);
    }

    /** An error with {@code message} caused by {@code cause} (may be {@code null}). */
    protected ClientSideException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
