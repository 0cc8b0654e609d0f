package io.reactives3.core;

/** The credentials are wrong or lack permission (403 {@code AccessDenied}, {@code SignatureDoesNotMatch}, {@code InvalidAccessKeyId}, ...). */
public class S3AccessDeniedException extends S3ServiceException {

    public S3AccessDeniedException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
