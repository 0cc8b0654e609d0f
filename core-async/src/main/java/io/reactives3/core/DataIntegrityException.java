package io.reactives3.core;

/**
 * Bytes did not match what was expected: a checksum or ETag mismatch, or a body shorter or longer than announced.
 * Never ignored: the data is not delivered as a success.
 */
public class DataIntegrityException extends S3ToolkitException {

    public DataIntegrityException(String message) {
        super(message);
    }

    public DataIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
