package io.reactives3.core;

/** The store does not implement the operation or a header it was sent (501 {@code NotImplemented}); common on S3-compatible stores. */
public class UnsupportedByStoreException extends S3ServiceException {

    public UnsupportedByStoreException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
