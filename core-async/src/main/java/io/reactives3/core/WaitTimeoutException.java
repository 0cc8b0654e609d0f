package io.reactives3.core;

import java.time.Duration;

/** A waiter gave up: the awaited state (bucket or object exists / does not exist) was not reached in time. */
public class WaitTimeoutException extends S3ToolkitException {

    public WaitTimeoutException(String what, Duration timeout) {
        super("gave up waiting until " + what + " after " + timeout.toMillis() + " ms");
    }
}
