package io.reactives3.core.error;

/**
 * An argument is invalid: a malformed bucket name, an empty or too long key, an out-of-range part number, size or
 * duration, conflicting options. Thrown synchronously when the method (or builder setter) is called, before any
 * request exists; a {@code null} argument is a {@link NullPointerException} instead.
 */
public final class InvalidInputException extends ClientSideException {

    /** A bad argument described by {@code message}. */
    public InvalidInputException(String message) {
        super(message);
    }
}
