package io.reactives3.transfer;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running transfer. For directory and batch jobs the byte and part counts add up over all items.
 *
 * @param bytesTransferred bytes moved so far: parts the store accepted (uploads, copies), bytes received (downloads;
 *                         a failed attempt's bytes are taken back before it is retried)
 * @param totalBytes       bytes the transfer moves in all, or -1 while unknown (streams of unknown length,
 *                         directory downloads before the listing ends)
 * @param partsCompleted   parts finished (a single-request transfer counts as one part)
 * @param partsTotal       parts in all, or -1 while unknown
 * @param itemsCompleted   files or keys finished (directory and batch jobs; 0 or 1 otherwise)
 * @param itemsTotal       items in all, or -1 while unknown
 * @param elapsed          time since the transfer started
 * @param result           the result, present only in the final snapshot
 * @param <R>              the result record
 */
public record TransferProgress<R>(long bytesTransferred, long totalBytes, int partsCompleted, int partsTotal,
                                  long itemsCompleted, long itemsTotal, Duration elapsed, Optional<R> result) {

    /** Average throughput since the start, bytes per second (0 before any time has passed). */
    public double bytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : bytesTransferred * 1e9 / nanos;
    }

    /**
     * Fraction done in [0, 1], or -1 while the total is unknown: by bytes, or by items for jobs that move no bytes
     * (batch deletes).
     */
    public double fraction() {
        if (totalBytes < 0) {
            return -1;
        }
        if (totalBytes == 0) {
            return itemsTotal > 0 ? Math.min(1.0, (double) itemsCompleted / itemsTotal) : 1;
        }
        return Math.min(1.0, (double) bytesTransferred / totalBytes);
    }

    /** Whether this is the final snapshot (it carries the result). */
    public boolean done() {
        return result.isPresent();
    }
}
