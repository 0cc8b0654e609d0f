package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The requested byte range lies beyond the end of the object (416 {@code InvalidRange}). Arrives from ranged GETs;
 * {@link #objectSize()} is the object's size: from the answer's {@code Content-Range} or (AWS) error body, else the
 * client asks with one HEAD; {@link #UNKNOWN_SIZE} when that fails too.
 */
public final class RangeNotSatisfiableException extends S3ServiceException {

    /** The value of {@link #objectSize()} when the store did not state the object's size. */
    public static final long UNKNOWN_SIZE = -1;

    private final long objectSize;

    /**
     * The 416 described by {@code context}.
     *
     * @param objectSize the object's size from the response's {@code Content-Range: bytes *}{@code /N} header, or
     *                   {@link #UNKNOWN_SIZE} when it had none
     * @param cause      the SDK exception, or {@code null}
     */
    public RangeNotSatisfiableException(ServiceErrorContext context, long objectSize, @Nullable Throwable cause) {
        super(context, cause);
        this.objectSize = objectSize < 0 ? UNKNOWN_SIZE : objectSize;
    }

    /**
     * The object's size in bytes from the response's {@code Content-Range: bytes *}{@code /N} header, or
     * {@link #UNKNOWN_SIZE} ({@code -1}) when the store did not send it.
     */
    public long objectSize() {
        return objectSize;
    }
}
