package io.reactives3.core;

/** The bucket does not exist (404 {@code NoSuchBucket}). */
public class BucketNotFoundException extends S3ServiceException {

    public BucketNotFoundException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
