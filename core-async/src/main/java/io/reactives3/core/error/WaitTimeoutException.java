package io.reactives3.core.error;

import java.time.Duration;

/**
 * A waiter gave up: the awaited state (bucket or object exists / does not exist) was not reached within its timeout.
 * Arrives through {@code onError} of the waiter; raise the waiter's timeout to wait longer.
 */
public final class WaitTimeoutException extends ClientSideException {

    /** A waiter for {@code what} (e.g. {@code "s3://bucket exists"}) that gave up after {@code timeout}. */
    public WaitTimeoutException(String what, Duration timeout) {
        super("gave up waiting until " + what + " after " + timeout.toMillis() + " ms");
    }
}
