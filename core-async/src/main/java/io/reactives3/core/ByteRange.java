package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;

/**
 * A byte range of an object for ranged reads ({@code Range: bytes=...}); positions are zero-based and inclusive.
 *
 * @param first the first byte, or -1 for a suffix range
 * @param last  the last byte, or -1 for "to the end"; for a suffix range: how many bytes from the end
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < -1 || last < -1 || (first == -1 && last < 1) || (first >= 0 && last >= 0 && last < first)) {
            throw new InvalidInputException("invalid byte range " + first + ".." + last
                    + ": positions must be >= 0 and last >= first");
        }
    }

    /** Bytes {@code first} to {@code last}, both inclusive ({@code bytes=first-last}). */
    public static ByteRange of(long first, long last) {
        if (first < 0 || last < 0) {
            throw new InvalidInputException("byte positions must be >= 0, got " + first + ".." + last);
        }
        return new ByteRange(first, last);
    }

    /** From {@code first} to the end ({@code bytes=first-}). */
    public static ByteRange from(long first) {
        if (first < 0) {
            throw new InvalidInputException("byte position must be >= 0, got " + first);
        }
        return new ByteRange(first, -1);
    }

    /** The last {@code count} bytes ({@code bytes=-count}). */
    public static ByteRange lastBytes(long count) {
        if (count < 1) {
            throw new InvalidInputException("suffix length must be >= 1, got " + count);
        }
        return new ByteRange(-1, count);
    }

    /** The {@code Range} header value, e.g. {@code bytes=0-99}. */
    public String headerValue() {
        if (first == -1) {
            return "bytes=-" + last;
        }
        return "bytes=" + first + "-" + (last == -1 ? "" : Long.toString(last));
    }
}
