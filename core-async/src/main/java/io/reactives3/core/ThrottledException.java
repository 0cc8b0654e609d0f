package io.reactives3.core;

/** The store asks the client to slow down (503 {@code SlowDown}, 429, {@code Throttling}); retrying later may succeed. */
public class ThrottledException extends S3ServiceException {

    public ThrottledException(ErrorContext context, Throwable cause) {
        super(context, cause);
    }
}
