package io.reactives3.transfer;

import io.reactives3.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * Transfer engine settings. Immutable; {@code withX} returns a copy; {@link #defaults()} documents every default.
 *
 * @param partSize            bytes per part for multipart uploads, copies and ranged downloads. Default 8 MiB;
 *                            range 5 MiB..5 GiB (S3's part limits). Streams of unknown length grow it as needed
 *                            so that 10,000 parts are never exceeded.
 * @param multipartThreshold  objects of at least this many bytes are uploaded/copied/downloaded in parts; smaller
 *                            ones in one request. Default 16 MiB; at least 5 MiB.
 * @param concurrency         parts in flight per transfer. Default 8; range 1..256.
 * @param memoryBudget        the most bytes a single transfer buffers in memory (stream uploads and stream
 *                            downloads); at least one part. Default 128 MiB. Parts in flight are limited to
 *                            {@code min(concurrency, memoryBudget / partSize)}.
 * @param fileConcurrency     files or keys in flight in directory jobs. Default 4; range 1..64.
 * @param deleteConcurrency   DeleteObjects batches (of up to 1,000 keys) in flight. Default 4; range 1..64.
 * @param maxPartAttempts     attempts per part (first included) on retryable errors: 5xx, SlowDown, connection
 *                            resets, truncated or corrupted bodies. Default 4; range 1..20.
 * @param retryBackoff        first backoff between part attempts, doubled each time with jitter. Default 200 ms.
 * @param integrity           how data is verified end to end. Default {@link IntegrityMode#MD5}.
 * @param backend             which machinery moves file transfers. Default {@link TransferBackend#AUTO}.
 * @param progressInterval    the most time between two progress snapshots. Default 250 ms.
 * @param partIdleTimeout     the longest a part's download may go without receiving a byte before it is failed
 *                            (and retried like a connection reset). Default 30 s. It also catches a connection cut
 *                            mid-body, which the SDK's Netty client does not report to streaming readers (measured
 *                            with SDK 2.57.8: such a body neither ends nor fails).
 */
public record TransferSettings(long partSize, long multipartThreshold, int concurrency, long memoryBudget,
                               int fileConcurrency, int deleteConcurrency, int maxPartAttempts,
                               Duration retryBackoff, IntegrityMode integrity, TransferBackend backend,
                               Duration progressInterval, Duration partIdleTimeout) {

    /** 1 MiB. */
    public static final long MIB = 1024L * 1024;
    /** S3's smallest part (except the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;
    /** S3's largest part. */
    public static final long MAX_PART_SIZE = 5L * 1024 * MIB;
    /** S3's most parts per upload. */
    public static final int MAX_PARTS = 10_000;

    public TransferSettings {
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new InvalidInputException("partSize must be within 5 MiB..5 GiB, got " + partSize);
        }
        if (multipartThreshold < MIN_PART_SIZE) {
            throw new InvalidInputException("multipartThreshold must be >= 5 MiB, got " + multipartThreshold);
        }
        within(concurrency, 1, 256, "concurrency");
        within(fileConcurrency, 1, 64, "fileConcurrency");
        within(deleteConcurrency, 1, 64, "deleteConcurrency");
        within(maxPartAttempts, 1, 20, "maxPartAttempts");
        if (memoryBudget < partSize) {
            throw new InvalidInputException("memoryBudget (" + memoryBudget + ") must hold at least one part ("
                    + partSize + ")");
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(partIdleTimeout, "partIdleTimeout");
        if (retryBackoff.isNegative() || progressInterval.isNegative() || progressInterval.isZero()
                || partIdleTimeout.isNegative() || partIdleTimeout.isZero()) {
            throw new InvalidInputException("retryBackoff must be >= 0, progressInterval and partIdleTimeout > 0");
        }
    }

    private static void within(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be within " + min + ".." + max + ", got " + value);
        }
    }

    /** The defaults listed on this record. */
    public static TransferSettings defaults() {
        return new TransferSettings(8 * MIB, 16 * MIB, 8, 128 * MIB, 4, 4, 4, Duration.ofMillis(200),
                IntegrityMode.MD5, TransferBackend.AUTO, Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /** Parts that may be in flight at once given concurrency and the memory budget. */
    public int partsInFlight() {
        return (int) Math.max(1, Math.min(concurrency, memoryBudget / partSize));
    }

    public TransferSettings withPartSize(long partSize) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, Math.max(memoryBudget, partSize),
                fileConcurrency, deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withMultipartThreshold(long threshold) {
        return new TransferSettings(partSize, threshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withConcurrency(int concurrency) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withMemoryBudget(long memoryBudget) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withFileConcurrency(int fileConcurrency) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withDeleteConcurrency(int deleteConcurrency) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withMaxPartAttempts(int maxPartAttempts) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withRetryBackoff(Duration retryBackoff) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withIntegrity(IntegrityMode integrity) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withBackend(TransferBackend backend) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withProgressInterval(Duration progressInterval) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }

    public TransferSettings withPartIdleTimeout(Duration partIdleTimeout) {
        return new TransferSettings(partSize, multipartThreshold, concurrency, memoryBudget, fileConcurrency,
                deleteConcurrency, maxPartAttempts, retryBackoff, integrity, backend, progressInterval,
                partIdleTimeout);
    }
}
