package io.reactives3.core.spi;

import io.reactives3.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks run when a method is called, before any request exists: a bad argument throws
 * {@link InvalidInputException} or {@link NullPointerException} with a message saying what is wrong.
 */
public final class Arguments {

    /** S3 keys are at most 1,024 bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1024;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Arguments() {
    }

    /**
     * Checks a bucket name against S3's rules: 3..63 characters of lower-case letters, digits, dots and hyphens,
     * starting and ending with a letter or digit, no {@code ..}, not an IP address.
     */
    public static String bucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket must not be null");
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..") || bucket.contains(".-")
                || bucket.contains("-.") || IP_ADDRESS.matcher(bucket).matches()) {
            throw new InvalidInputException("invalid bucket name '" + bucket + "': use 3-63 characters of "
                    + "lower-case letters, digits, '.' and '-', starting and ending with a letter or digit");
        }
        return bucket;
    }

    /** Checks an object key: not empty, at most 1,024 UTF-8 bytes. */
    public static String key(String key) {
        Objects.requireNonNull(key, "key must not be null");
        if (key.isEmpty()) {
            throw new InvalidInputException("object key must not be empty");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new InvalidInputException("object key is " + bytes + " UTF-8 bytes; S3 allows at most "
                    + MAX_KEY_BYTES);
        }
        return key;
    }

    /** Checks a part number: 1..10,000. */
    public static int partNumber(int partNumber) {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new InvalidInputException("part number must be within 1..10000, got " + partNumber);
        }
        return partNumber;
    }

    /** Checks a length: >= 0. */
    public static long length(long length, String name) {
        if (length < 0) {
            throw new InvalidInputException(name + " must be >= 0, got " + length);
        }
        return length;
    }

    /** Checks a duration: positive and at most {@code max}. */
    public static Duration positive(Duration duration, Duration max, String name) {
        Objects.requireNonNull(duration, name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException(name + " must be positive, got " + duration);
        }
        if (max != null && duration.compareTo(max) > 0) {
            throw new InvalidInputException(name + " must be at most " + max + ", got " + duration);
        }
        return duration;
    }

    /** Requires a non-null argument. */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }
}
