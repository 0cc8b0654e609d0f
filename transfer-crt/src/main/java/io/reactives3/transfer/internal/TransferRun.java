package io.reactives3.transfer.internal;

import io.reactives3.transfer.TransferProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one running transfer, shared by its parts and, for directory and batch jobs, by all their items.
 * Thread-safe: parts complete on many threads.
 *
 * <p>Totals are known once every expected item has planned its bytes and parts: a single transfer expects one
 * item and plans it when its size is known; directory and batch jobs expect items as they list them and close the
 * expectation when the listing ends.
 */
final class TransferRun {

    /** Told when a part or an item completes (progress emits a snapshot then). */
    interface Listener {
        void changed();
    }

    private final long startNanos = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicInteger partsDone = new AtomicInteger();
    private final AtomicInteger plannedParts = new AtomicInteger();
    private final AtomicLong itemsDone = new AtomicLong();
    private final AtomicLong plannedItems = new AtomicLong();
    private final AtomicLong expectedItems = new AtomicLong();
    private volatile boolean expectationClosed;
    private volatile Listener listener = () -> { };

    void listener(Listener listener) {
        this.listener = listener;
    }

    /** A single transfer: one item, expected now. */
    static TransferRun single() {
        TransferRun run = new TransferRun();
        run.expect(1);
        run.closeExpectation();
        return run;
    }

    /** {@code items} more items will run. */
    void expect(long items) {
        expectedItems.addAndGet(items);
    }

    /** No more items will be expected. */
    void closeExpectation() {
        expectationClosed = true;
    }

    /** An item's size and part count are known. */
    void plan(long itemBytes, int itemParts) {
        plan(itemBytes, itemParts, 1);
    }

    /** {@code items} items (a batch) with these bytes and parts are known. */
    void plan(long itemBytes, int itemParts, long items) {
        plannedBytes.addAndGet(itemBytes);
        plannedParts.addAndGet(itemParts);
        plannedItems.addAndGet(items);
    }

    /** {@code delta} bytes moved (negative when a failed attempt's bytes are taken back before a retry). */
    void bytes(long delta) {
        bytes.addAndGet(delta);
    }

    /** A part completed. */
    void partDone() {
        partsDone.incrementAndGet();
        listener.changed();
    }

    /** {@code n} items completed. */
    void itemsDone(long n) {
        itemsDone.addAndGet(n);
        listener.changed();
    }

    /** Bytes moved so far. */
    long bytes() {
        return bytes.get();
    }

    /** The current snapshot; {@code result} only in the final one. */
    <R> TransferProgress<R> snapshot(@Nullable R result) {
        boolean totalsKnown = expectationClosed && plannedItems.get() >= expectedItems.get();
        return new TransferProgress<>(bytes.get(), totalsKnown ? Long.valueOf(plannedBytes.get()) : null,
                partsDone.get(), totalsKnown ? Integer.valueOf(plannedParts.get()) : null, itemsDone.get(),
                expectationClosed ? Long.valueOf(expectedItems.get()) : null,
                Duration.ofNanos(System.nanoTime() - startNanos), result);
    }
}
