package io.reactives3.core;

/** The multipart upload does not exist: it was completed or aborted (404 {@code NoSuchUpload}). */
public class UploadNotFoundException extends S3ServiceException {

    public UploadNotFoundException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
