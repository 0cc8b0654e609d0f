package io.reactives3.transfer.internal;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.transfer.TransferSettings;

/**
 * How an object of known size is cut into parts: every part {@link #partSize()} bytes except a shorter last one.
 * The part size is the configured one, grown (to whole MiB) when the object would otherwise need more than
 * 10,000 parts. Ranges are zero-based and inclusive, as in HTTP {@code Range}.
 *
 * @param objectSize bytes in the object, >= 0
 * @param partSize   bytes per part (the last may be shorter), > 0
 * @param partCount  parts, 0 for an empty object
 */
record PartPlan(long objectSize, long partSize, int partCount) {

    /** The largest object S3 stores: 5 TiB. */
    static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;
    /** The largest single PutObject / CopyObject: 5 GiB. */
    static final long MAX_SINGLE_REQUEST = TransferSettings.MAX_PART_SIZE;
    /** Parts of a stream of unknown length keep the same size for this many parts, then double. */
    static final int STREAM_PARTS_PER_SIZE = 1000;

    PartPlan {
        if (objectSize < 0 || partSize <= 0 || partCount < 0) {
            throw new IllegalArgumentException("invalid plan " + objectSize + "/" + partSize + "/" + partCount);
        }
    }

    /** Parts of {@code preferredPartSize}, grown if needed so that at most 10,000 parts cover {@code objectSize}. */
    static PartPlan of(long objectSize, long preferredPartSize) {
        return of(objectSize, preferredPartSize, TransferSettings.MAX_PARTS);
    }

    /** As {@link #of(long, long)} with at most {@code maxParts} parts (fewer than S3's 10,000 in tests only). */
    static PartPlan of(long objectSize, long preferredPartSize, int maxParts) {
        if (objectSize > MAX_OBJECT_SIZE) {
            throw new InvalidInputException("objects are at most 5 TiB, got " + objectSize + " bytes");
        }
        long partSize = Math.max(preferredPartSize, ceilToMib(ceilDiv(objectSize, maxParts)));
        partSize = Math.min(partSize, TransferSettings.MAX_PART_SIZE);
        return new PartPlan(objectSize, partSize, (int) ceilDiv(objectSize, partSize));
    }

    /** Parts of exactly {@code partSize} (the layout an upload used), without growth. */
    static PartPlan exact(long objectSize, long partSize) {
        return new PartPlan(objectSize, partSize, (int) ceilDiv(objectSize, partSize));
    }

    /** Whether an object of {@code size} bytes moves in parts: at least the threshold, or too big for one request. */
    static boolean multipart(long size, long threshold) {
        return size >= threshold || size > MAX_SINGLE_REQUEST;
    }

    /** The first byte of part {@code partNumber} (1-based). */
    long offset(int partNumber) {
        check(partNumber);
        return (partNumber - 1) * partSize;
    }

    /** The bytes in part {@code partNumber} (1-based). */
    long length(int partNumber) {
        check(partNumber);
        return Math.min(partSize, objectSize - offset(partNumber));
    }

    /** The last byte (inclusive) of part {@code partNumber}. */
    long last(int partNumber) {
        return offset(partNumber) + length(partNumber) - 1;
    }

    /**
     * The size of part {@code partNumber} of a stream of unknown length: {@code basePartSize} for parts 1..1000,
     * doubled every 1,000 parts, capped at 5 GiB; 10,000 parts of 5 MiB base then hold 4.9 TiB.
     */
    static long streamPartSize(long basePartSize, int partNumber) {
        return streamPartSize(basePartSize, partNumber, STREAM_PARTS_PER_SIZE);
    }

    /** As {@link #streamPartSize(long, int)}, doubling every {@code partsPerSize} parts. */
    static long streamPartSize(long basePartSize, int partNumber, int partsPerSize) {
        if (partNumber < 1 || partNumber > TransferSettings.MAX_PARTS) {
            throw new IllegalArgumentException("part number must be within 1..10000, got " + partNumber);
        }
        int doublings = (partNumber - 1) / partsPerSize;
        long size = basePartSize;
        for (int i = 0; i < doublings && size < TransferSettings.MAX_PART_SIZE; i++) {
            size *= 2;
        }
        return Math.min(size, TransferSettings.MAX_PART_SIZE);
    }

    private void check(int partNumber) {
        if (partNumber < 1 || partNumber > partCount) {
            throw new IllegalArgumentException("part " + partNumber + " outside 1.." + partCount);
        }
    }

    static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a + b - 1) / b;
    }

    private static long ceilToMib(long bytes) {
        return ceilDiv(bytes, TransferSettings.MIB) * TransferSettings.MIB;
    }
}
