package io.reactives3.core.error;

/**
 * The root of every error reactive-s3 raises: unchecked, abstract and sealed, so the branches below are all there is.
 * The underlying SDK, CRT or I/O exception is kept as the cause.
 *
 * <ul>
 *   <li>{@link S3ServiceException}: the store answered with an error (HTTP status, S3 error code, request id); its
 *       subtypes name the well-known errors ({@link ObjectNotFoundException}, {@link AccessDeniedException},
 *       {@link PreconditionFailedException}, {@link ThrottledException}, ...). Arrives through {@code onError}.</li>
 *   <li>{@link UnsupportedByStoreException}: the store does not implement what was asked (501
 *       {@code NotImplemented}); common on S3-compatible stores. Arrives through {@code onError}.</li>
 *   <li>{@link S3TransportException}: no usable answer came (connection refused or reset, body cut short); its
 *       subtype {@link S3TimeoutException} says a timeout expired and which setting to raise. Arrives through
 *       {@code onError}.</li>
 *   <li>{@link DataIntegrityException}: bytes did not match what was expected (checksum, MD5, length). Arrives
 *       through {@code onError}.</li>
 *   <li>{@link ClientSideException}: the caller or the local environment is at fault:
 *       {@link InvalidInputException} (thrown when a method is called, before any request),
 *       {@link LocalFileException} (a local file could not be read or written) and {@link WaitTimeoutException}
 *       (a waiter gave up).</li>
 * </ul>
 *
 * <p>Handle them with {@code instanceof}, most specific first:
 * <pre>{@code
 * client.getObjectBytes(bucket, key).onErrorResume(e -> {
 *     if (e instanceof ObjectNotFoundException) {
 *         return Mono.empty();                                  // a 404: treat as absent
 *     } else if (e instanceof S3ServiceException s && s.isRetryable()) {
 *         return retryLater(s);                                 // 5xx, throttling
 *     } else if (e instanceof S3TimeoutException t) {
 *         return Mono.error(t);                                 // the message names the setting to raise
 *     } else if (e instanceof S3TransportException t) {
 *         return retryLater(t);                                 // connection reset, refused, cut short
 *     }
 *     return Mono.error(e);                                     // DataIntegrityException, ClientSideException, ...
 * });
 * }</pre>
 *
 * <p>Not everything that reaches {@code onError} is one of these: the toolkit translates what the SDK, the CRT and
 * the network raise ({@link java.io.IOException}s become {@link S3TransportException}), but an {@link Error} or an
 * exception raised by the caller's own code (a request-body publisher, a callback) passes through unchanged rather
 * than being disguised as a toolkit error. {@link NullPointerException} is thrown for a {@code null} argument.
 */
public abstract sealed class S3ToolkitException extends RuntimeException
        permits S3ServiceException, UnsupportedByStoreException, S3TransportException, DataIntegrityException,
        ClientSideException {

    /** An error with {@code message} and no cause. */
    protected S3ToolkitException(String message) {
        super(message);
    }

    /** An error with {@code message} caused by {@code cause} (may be {@code null}). */
    protected S3ToolkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
