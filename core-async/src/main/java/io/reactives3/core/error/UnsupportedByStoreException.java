package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store does not implement the operation or a header it was sent (501 {@code NotImplemented}); common on
 * S3-compatible stores. Arrives through {@code onError} of the call the store refused. It is a branch of its own, not
 * an {@link S3ServiceException}: retrying never helps and a caller probing a store's capabilities catches it alone;
 * it carries the same {@link ServiceErrorContext} and accessors ({@link StoreError}: usually status 501 and
 * error code {@code NotImplemented}).
 */
public final class UnsupportedByStoreException extends S3ToolkitException implements StoreError {

    private final ServiceErrorContext context;

    /** The refusal described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public UnsupportedByStoreException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context.message(), cause);
        this.context = context;
    }

    @Override
    public ServiceErrorContext context() {
        return context;
    }
}
