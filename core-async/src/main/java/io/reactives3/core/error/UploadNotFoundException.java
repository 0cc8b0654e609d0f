package io.reactives3.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The multipart upload does not exist: it was completed or aborted (404 {@code NoSuchUpload}, or a 404 to an upload's
 * own request). Arrives from UploadPart, ListParts, CompleteMultipartUpload and AbortMultipartUpload.
 */
public final class UploadNotFoundException extends S3ServiceException {

    /** The error described by {@code context}; {@code cause} is the SDK exception or {@code null}. */
    public UploadNotFoundException(ServiceErrorContext context, @Nullable Throwable cause) {
        super(context, cause);
    }
}
