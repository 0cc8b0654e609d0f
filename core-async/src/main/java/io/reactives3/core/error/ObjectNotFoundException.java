package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The object (or the requested version) does not exist (404 {@code NoSuchKey}, {@code NoSuchVersion}, or a 404 to an
 * object operation such as HEAD). Arrives from reads, HEAD, copies and ACL or tag reads of a missing object.
 */
public final class ObjectNotFoundException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public ObjectNotFoundException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
