package io.reactives3.transfer;

import io.reactives3.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * Transfer engine settings. Immutable; build with {@link #builder()} (or change a copy with {@link #toBuilder()} or a
 * {@code withX} method); {@link #defaults()} documents every default.
 *
 * <ul>
 *   <li>{@code partSize}: bytes per part for multipart uploads, copies and ranged file downloads. Default 8 MiB;
 *       5 MiB..5 GiB (S3's part limits). Big files and long streams grow it so that 10,000 parts are never
 *       exceeded.</li>
 *   <li>{@code multipartThreshold}: objects of at least this many bytes are uploaded/copied/downloaded in parts;
 *       smaller ones in one request. Default 16 MiB; at least 5 MiB.</li>
 *   <li>{@code concurrency}: parts in flight per transfer. Default 8; 1..256.</li>
 *   <li>{@code memoryBudget}: the {@link MemoryBudget} every transfer of the engine reserves its buffers from
 *       (part buffers of uploads, ranges in flight of file downloads, read-ahead of stream downloads). Default
 *       {@link MemoryBudget#jvmDefault()}: a quarter of {@code -Xmx}, shared by every engine of the JVM. It must hold
 *       one part.</li>
 *   <li>{@code fileConcurrency}: files or keys in flight in directory jobs. Default 4; 1..64.</li>
 *   <li>{@code deleteConcurrency}: DeleteObjects batches (of up to 1,000 keys) in flight. Default 4; 1..64.</li>
 *   <li>{@code maxPartAttempts}: attempts per part (first included) on retryable errors: 5xx, SlowDown, connection
 *       resets and timeouts, truncated or corrupted bodies. Default 4; 1..20.</li>
 *   <li>{@code retryBackoff}: first backoff between part attempts, doubled each time with jitter. Default 200 ms.</li>
 *   <li>{@code integrity}: how data is verified end to end. Default {@link IntegrityMode#AUTO}: per store, the
 *       checksum the store verifies (CRC32 on AWS, MinIO, S3Proxy; MD5 elsewhere; downloads as MD5).</li>
 *   <li>{@code backend}: which machinery moves file transfers. Default {@link TransferBackend#AUTO}.</li>
 *   <li>{@code progressInterval}: the most time between two progress snapshots. Default 250 ms.</li>
 *   <li>{@code partIdleTimeout}: the longest a download request (HeadObject, or a ranged GET before its headers or
 *       between two bytes of its body) may go without an answer before it fails with a transport error (and is
 *       retried like a connection reset). Default 30 s. It also catches a connection cut mid-body, which the SDK's
 *       Netty client does not report to streaming readers (measured with SDK 2.57.8: such a body neither ends nor
 *       fails).</li>
 * </ul>
 * Out-of-range values fail with {@link InvalidInputException} when built.
 */
public final class TransferSettings {

    /** 1 MiB. */
    public static final long MIB = 1024L * 1024;
    /** S3's smallest part (except the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;
    /** S3's largest part. */
    public static final long MAX_PART_SIZE = 5L * 1024 * MIB;
    /** S3's most parts per upload. */
    public static final int MAX_PARTS = 10_000;

    private static final TransferSettings DEFAULTS = new Builder().build();

    private final long partSize;
    private final long multipartThreshold;
    private final int concurrency;
    private final MemoryBudget memoryBudget;
    private final int fileConcurrency;
    private final int deleteConcurrency;
    private final int maxPartAttempts;
    private final Duration retryBackoff;
    private final IntegrityMode integrity;
    private final TransferBackend backend;
    private final Duration progressInterval;
    private final Duration partIdleTimeout;

    private TransferSettings(Builder b) {
        if (b.partSize < MIN_PART_SIZE || b.partSize > MAX_PART_SIZE) {
            throw new InvalidInputException("partSize must be within 5 MiB..5 GiB, got " + b.partSize);
        }
        if (b.multipartThreshold < MIN_PART_SIZE) {
            throw new InvalidInputException("multipartThreshold must be >= 5 MiB, got " + b.multipartThreshold);
        }
        within(b.concurrency, 1, 256, "concurrency");
        within(b.fileConcurrency, 1, 64, "fileConcurrency");
        within(b.deleteConcurrency, 1, 64, "deleteConcurrency");
        within(b.maxPartAttempts, 1, 20, "maxPartAttempts");
        Objects.requireNonNull(b.memoryBudget, "memoryBudget");
        Objects.requireNonNull(b.retryBackoff, "retryBackoff");
        Objects.requireNonNull(b.integrity, "integrity");
        Objects.requireNonNull(b.backend, "backend");
        Objects.requireNonNull(b.progressInterval, "progressInterval");
        Objects.requireNonNull(b.partIdleTimeout, "partIdleTimeout");
        if (b.retryBackoff.isNegative() || b.progressInterval.isNegative() || b.progressInterval.isZero()
                || b.partIdleTimeout.isNegative() || b.partIdleTimeout.isZero()) {
            throw new InvalidInputException("retryBackoff must be >= 0, progressInterval and partIdleTimeout > 0");
        }
        this.partSize = b.partSize;
        this.multipartThreshold = b.multipartThreshold;
        this.concurrency = b.concurrency;
        this.memoryBudget = b.memoryBudget;
        this.fileConcurrency = b.fileConcurrency;
        this.deleteConcurrency = b.deleteConcurrency;
        this.maxPartAttempts = b.maxPartAttempts;
        this.retryBackoff = b.retryBackoff;
        this.integrity = b.integrity;
        this.backend = b.backend;
        this.progressInterval = b.progressInterval;
        this.partIdleTimeout = b.partIdleTimeout;
    }

    private static void within(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be within " + min + ".." + max + ", got " + value);
        }
    }

    /** The defaults listed on this class. */
    public static TransferSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Bytes per part of multipart uploads, copies and ranged file downloads; default 8 MiB, 5 MiB..5 GiB. */
    public long partSize() {
        return partSize;
    }

    /** Bytes from which an object moves in parts; default 16 MiB, at least 5 MiB. */
    public long multipartThreshold() {
        return multipartThreshold;
    }

    /** Parts in flight per transfer; default 8, 1..256. */
    public int concurrency() {
        return concurrency;
    }

    /** The budget part buffers are reserved from; default {@link MemoryBudget#jvmDefault()}. */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** Files or keys in flight in directory jobs; default 4, 1..64. */
    public int fileConcurrency() {
        return fileConcurrency;
    }

    /** DeleteObjects batches in flight; default 4, 1..64. */
    public int deleteConcurrency() {
        return deleteConcurrency;
    }

    /** Attempts per part, the first included; default 4, 1..20. */
    public int maxPartAttempts() {
        return maxPartAttempts;
    }

    /** First backoff between part attempts (doubled with jitter); default 200 ms, {@code >= 0}. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** How data is verified end to end; default {@link IntegrityMode#AUTO}. */
    public IntegrityMode integrity() {
        return integrity;
    }

    /** Which machinery moves file transfers; default {@link TransferBackend#AUTO}. */
    public TransferBackend backend() {
        return backend;
    }

    /** Most time between two progress snapshots; default 250 ms, {@code > 0}. */
    public Duration progressInterval() {
        return progressInterval;
    }

    /** Longest silence of a download request before it fails and is retried; default 30 s, {@code > 0}. */
    public Duration partIdleTimeout() {
        return partIdleTimeout;
    }

    /** Parts one transfer may hold at once: {@code concurrency}, or fewer when the budget holds fewer parts. */
    public int partsInFlight() {
        return (int) Math.max(1, Math.min(concurrency, memoryBudget.capacity() / partSize));
    }

    /**
     * A copy with {@code partSize} bytes per part (default 8 MiB; 5 MiB..5 GiB).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withPartSize(long partSize) {
        return toBuilder().partSize(partSize).build();
    }

    /**
     * A copy that moves objects of at least {@code threshold} bytes in parts (default 16 MiB; at least
     * 5 MiB).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withMultipartThreshold(long threshold) {
        return toBuilder().multipartThreshold(threshold).build();
    }

    /**
     * A copy with {@code concurrency} parts in flight per transfer (default 8; 1..256).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withConcurrency(int concurrency) {
        return toBuilder().concurrency(concurrency).build();
    }

    /**
     * These settings with a budget of their own of {@code bytes} (not shared with other engines); at least one part.
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withMemoryBudget(long bytes) {
        return toBuilder().memoryBudget(MemoryBudget.ofBytes(bytes)).build();
    }

    /**
     * A copy reserving buffers from {@code budget} (default {@link MemoryBudget#jvmDefault()}); it must hold one
     * part.
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withMemoryBudget(MemoryBudget budget) {
        return toBuilder().memoryBudget(budget).build();
    }

    /**
     * A copy with {@code fileConcurrency} files or keys in flight in directory jobs (default 4; 1..64).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withFileConcurrency(int fileConcurrency) {
        return toBuilder().fileConcurrency(fileConcurrency).build();
    }

    /**
     * A copy with {@code deleteConcurrency} DeleteObjects batches in flight (default 4; 1..64).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withDeleteConcurrency(int deleteConcurrency) {
        return toBuilder().deleteConcurrency(deleteConcurrency).build();
    }

    /**
     * A copy with {@code maxPartAttempts} attempts per part, the first included (default 4; 1..20).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withMaxPartAttempts(int maxPartAttempts) {
        return toBuilder().maxPartAttempts(maxPartAttempts).build();
    }

    /**
     * A copy with {@code retryBackoff} as the first backoff between part attempts (default 200 ms; {@code >= 0}).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withRetryBackoff(Duration retryBackoff) {
        return toBuilder().retryBackoff(retryBackoff).build();
    }

    /**
     * A copy verifying data with {@code integrity} (default {@link IntegrityMode#AUTO}).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withIntegrity(IntegrityMode integrity) {
        return toBuilder().integrity(integrity).build();
    }

    /**
     * A copy moving file transfers with {@code backend} (default {@link TransferBackend#AUTO}).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withBackend(TransferBackend backend) {
        return toBuilder().backend(backend).build();
    }

    /**
     * A copy with at most {@code progressInterval} between progress snapshots (default 250 ms; {@code > 0}).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withProgressInterval(Duration progressInterval) {
        return toBuilder().progressInterval(progressInterval).build();
    }

    /**
     * A copy failing a silent download request after {@code partIdleTimeout} (default 30 s; {@code > 0}).
     *
     * @throws InvalidInputException when out of range
     */
    public TransferSettings withPartIdleTimeout(Duration partIdleTimeout) {
        return toBuilder().partIdleTimeout(partIdleTimeout).build();
    }

    @Override
    public String toString() {
        return "TransferSettings[partSize=" + partSize + ", multipartThreshold=" + multipartThreshold
                + ", concurrency=" + concurrency + ", memoryBudget=" + memoryBudget.capacity() + ", fileConcurrency="
                + fileConcurrency + ", deleteConcurrency=" + deleteConcurrency + ", maxPartAttempts="
                + maxPartAttempts + ", retryBackoff=" + retryBackoff + ", integrity=" + integrity + ", backend="
                + backend + ", progressInterval=" + progressInterval + ", partIdleTimeout=" + partIdleTimeout + "]";
    }

    /** Builds {@link TransferSettings}; every setting starts at its default. Not thread-safe. */
    public static final class Builder {
        private long partSize = 8 * MIB;
        private long multipartThreshold = 16 * MIB;
        private int concurrency = 8;
        private MemoryBudget memoryBudget = MemoryBudget.jvmDefault();
        private int fileConcurrency = 4;
        private int deleteConcurrency = 4;
        private int maxPartAttempts = 4;
        private Duration retryBackoff = Duration.ofMillis(200);
        private IntegrityMode integrity = IntegrityMode.AUTO;
        private TransferBackend backend = TransferBackend.AUTO;
        private Duration progressInterval = Duration.ofMillis(250);
        private Duration partIdleTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        private Builder(TransferSettings s) {
            partSize = s.partSize;
            multipartThreshold = s.multipartThreshold;
            concurrency = s.concurrency;
            memoryBudget = s.memoryBudget;
            fileConcurrency = s.fileConcurrency;
            deleteConcurrency = s.deleteConcurrency;
            maxPartAttempts = s.maxPartAttempts;
            retryBackoff = s.retryBackoff;
            integrity = s.integrity;
            backend = s.backend;
            progressInterval = s.progressInterval;
            partIdleTimeout = s.partIdleTimeout;
        }

        public Builder partSize(long partSize) {
            this.partSize = partSize;
            return this;
        }

        public Builder multipartThreshold(long multipartThreshold) {
            this.multipartThreshold = multipartThreshold;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder memoryBudget(MemoryBudget memoryBudget) {
            this.memoryBudget = memoryBudget;
            return this;
        }

        public Builder fileConcurrency(int fileConcurrency) {
            this.fileConcurrency = fileConcurrency;
            return this;
        }

        public Builder deleteConcurrency(int deleteConcurrency) {
            this.deleteConcurrency = deleteConcurrency;
            return this;
        }

        public Builder maxPartAttempts(int maxPartAttempts) {
            this.maxPartAttempts = maxPartAttempts;
            return this;
        }

        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        public Builder integrity(IntegrityMode integrity) {
            this.integrity = integrity;
            return this;
        }

        public Builder backend(TransferBackend backend) {
            this.backend = backend;
            return this;
        }

        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
            return this;
        }

        public Builder partIdleTimeout(Duration partIdleTimeout) {
            this.partIdleTimeout = partIdleTimeout;
            return this;
        }

        /** The settings; fails with {@link InvalidInputException} naming the first value out of range. */
        public TransferSettings build() {
            return new TransferSettings(this);
        }
    }
}
