package io.reactives3.testkit;

/**
 * A target should run but could not be started or reached: a bad configuration (unknown endpoint, missing
 * credentials, port in use) or a server that failed to come up. The message says what was asked, what went wrong
 * and what to do; it is meant to be the one line a user reads.
 */
public final class TargetStartException extends RuntimeException {

    public TargetStartException(String message) {
        super(message);
    }

    public TargetStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
