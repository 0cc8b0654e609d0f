package io.reactives3.core;

/** The bucket name is taken or the bucket is in a conflicting state (409: {@code BucketAlreadyExists}, {@code BucketAlreadyOwnedByYou}, {@code BucketNotEmpty}, {@code OperationAborted}). */
public class BucketConflictException extends S3ServiceException {

    public BucketConflictException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
