package io.reactives3.core;

/** The object (or the requested version) does not exist (404 {@code NoSuchKey}, {@code NoSuchVersion}, or a 404 to HEAD). */
public class ObjectNotFoundException extends S3ServiceException {

    public ObjectNotFoundException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
