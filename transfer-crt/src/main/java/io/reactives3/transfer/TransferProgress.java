package io.reactives3.transfer;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a running transfer. For directory and batch jobs the byte and part counts add up over all items.
 * Totals that are not known yet are {@code null}, never a placeholder number.
 *
 * @param bytesTransferred bytes moved so far: parts the store accepted (uploads, copies), bytes received (downloads;
 *                         a failed attempt's bytes are taken back before it is retried)
 * @param totalBytes       bytes the transfer moves in all, or {@code null} while unknown (streams of unknown length,
 *                         directory downloads before the listing ends)
 * @param partsCompleted   parts finished (a single-request transfer counts as one part)
 * @param partsTotal       parts in all, or {@code null} while unknown
 * @param itemsCompleted   files or keys finished (directory and batch jobs; 0 or 1 otherwise)
 * @param itemsTotal       items in all, or {@code null} while unknown
 * @param elapsed          time since the transfer started
 * @param result           the result, only in the final snapshot ({@code null} before)
 * @param <R>              the result record
 */
public record TransferProgress<R>(long bytesTransferred, @Nullable Long totalBytes, int partsCompleted,
                                  @Nullable Integer partsTotal, long itemsCompleted, @Nullable Long itemsTotal,
                                  Duration elapsed, @Nullable R result) {

    public TransferProgress {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Average throughput since the start, bytes per second (0 before any time has passed). */
    public double bytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : bytesTransferred * 1e9 / nanos;
    }

    /**
     * Fraction done in [0, 1] by bytes, or by items for jobs that move no bytes (batch deletes); {@code NaN} while
     * the total is unknown (so that it never reads as progress).
     */
    public double fraction() {
        if (totalBytes == null) {
            return Double.NaN;
        }
        if (totalBytes == 0) {
            if (itemsTotal == null) {
                return Double.NaN;
            }
            return itemsTotal > 0 ? Math.min(1.0, (double) itemsCompleted / itemsTotal) : 1;
        }
        return Math.min(1.0, (double) bytesTransferred / totalBytes);
    }

    /** Whether this is the final snapshot (it carries the result). */
    public boolean done() {
        return result != null;
    }
}
