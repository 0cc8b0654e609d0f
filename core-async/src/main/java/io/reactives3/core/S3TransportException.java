package io.reactives3.core;

/**
 * No usable answer came from the store: the connection failed or was reset, a timeout expired, or the client
 * could not sign or send the request. The message names the operation and target; the cause is the SDK exception.
 */
public class S3TransportException extends S3ToolkitException {

    public S3TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
