package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * An error the store answered with: {@link S3ServiceException} (and its subtypes) or
 * {@link UnsupportedByStoreException}. Gives both the same accessors over their {@link ServiceErrorContext}, so a
 * caller that logs or reports store errors handles them alike: {@code if (e instanceof StoreError s) log(s.statusCode(),
 * s.errorCode(), s.requestId())}.
 */
public sealed interface StoreError permits S3ServiceException, UnsupportedByStoreException {

    /** Everything known about the failed request and the store's answer. */
    ServiceErrorContext context();

    /** The S3 operation that failed, e.g. {@code GetObject}. */
    default String operation() {
        return context().operation();
    }

    /** The bucket the request named, or {@code null} for service-level operations. */
    default @Nullable String bucket() {
        return context().bucket();
    }

    /** The object key the request named, or {@code null}. */
    default @Nullable String key() {
        return context().key();
    }

    /** The HTTP status code of the error response. */
    default int statusCode() {
        return context().statusCode();
    }

    /** The S3 error code ({@code NoSuchKey}, {@code NotImplemented}, ...), or {@code null} when the answer had none. */
    default @Nullable String errorCode() {
        return context().errorCode();
    }

    /** The store's request id, or {@code null}. */
    default @Nullable String requestId() {
        return context().requestId();
    }
}
