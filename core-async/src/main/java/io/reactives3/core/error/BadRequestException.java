package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The store rejected the request as malformed or invalid (400: {@code InvalidArgument}, {@code InvalidRequest},
 * {@code MalformedXML}, ...; 411 {@code MissingContentLength}). Arrives when the store refuses what was sent; the
 * toolkit's own argument checks raise {@link InvalidInputException} before sending instead.
 */
public final class BadRequestException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public BadRequestException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
