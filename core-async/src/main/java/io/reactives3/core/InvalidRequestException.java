package io.reactives3.core;

/** The store rejected the request as malformed or invalid (400: {@code InvalidArgument}, {@code InvalidRequest}, {@code MalformedXML}, {@code InvalidRange} (416), ...). */
public class InvalidRequestException extends S3ServiceException {

    public InvalidRequestException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
