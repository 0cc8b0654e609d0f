package io.reactives3.core;

/** A condition did not hold: {@code If-Match} / {@code If-None-Match} / {@code If-Unmodified-Since} (412), or the object changed during a multi-request read. */
public class PreconditionFailedException extends S3ServiceException {

    public PreconditionFailedException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
