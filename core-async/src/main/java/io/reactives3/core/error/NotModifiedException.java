package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The object has not changed (304 Not Modified): a read sent with {@code If-None-Match} matching the current ETag, or
 * {@code If-Modified-Since} later than the last modification. Arrives from conditional GET and HEAD; {@link #eTag()}
 * is the current ETag the store answered with (or, when it sent none, the single ETag the request's
 * {@code If-None-Match} named, which the 304 confirms).
 */
public final class NotModifiedException extends S3ServiceException {

    private final @Nullable String eTag;

    /**
     * The 304 described by {@code context}.
     *
     * @param eTag  the response's {@code ETag} header, quotes removed, or {@code null} when it had none
     * @param cause the SDK exception, or {@code null}
     */
    public NotModifiedException(ServiceErrorContext context, @Nullable String eTag, @Nullable Throwable cause) {
        super(context, cause);
        this.eTag = eTag;
    }

    /** The object's current ETag as the 304 response stated it (without quotes), or {@code null} when it had none. */
    public @Nullable String eTag() {
        return eTag;
    }
}
