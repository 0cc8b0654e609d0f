package io.reactives3.core;

/**
 * The root of every error reactive-s3 delivers through {@code onError}. Subtypes say what went wrong:
 * {@link S3ServiceException} when the store answered with an error, {@link S3TransportException} when no answer
 * came (connection, timeout), {@link DataIntegrityException} when bytes did not match what was expected. The
 * underlying SDK or CRT exception is kept as the cause.
 *
 * <p>Bad arguments are not delivered through {@code onError}: methods throw {@link IllegalArgumentException} or
 * {@link NullPointerException} when called, before any request is sent.
 */
public class S3ToolkitException extends RuntimeException {

    public S3ToolkitException(String message) {
        super(message);
    }

    public S3ToolkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
