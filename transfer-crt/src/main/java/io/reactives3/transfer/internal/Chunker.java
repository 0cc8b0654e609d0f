package io.reactives3.transfer.internal;

import io.reactives3.transfer.TransferSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream of buffers of any sizes into parts for a multipart upload: part {@code n} holds
 * {@link PartPlan#streamPartSize(long, int)} bytes, except the last. A full part is handed out only when the next
 * byte arrives (or the stream ends), so the last part is always known as last; an empty stream gives one empty last
 * part. Holds at most one part's bytes. Not thread-safe: one per subscription, fed serially.
 */
final class Chunker {

    /** A cut part: its bytes {@code [0, length)} and whether the stream ended with it. */
    record Chunk(int partNumber, byte[] bytes, int length, boolean last) {
    }

    private final long basePartSize;
    private final int partsPerSize;
    private int partNumber = 1;
    private byte[] current;
    private int filled;
    private long total;

    /** Parts of {@code basePartSize}, doubled every 1,000 parts. */
    Chunker(long basePartSize) {
        this(basePartSize, PartPlan.STREAM_PARTS_PER_SIZE);
    }

    /** Parts of {@code basePartSize}, doubled every {@code partsPerSize} parts (tests use small numbers). */
    Chunker(long basePartSize, int partsPerSize) {
        this.basePartSize = basePartSize;
        this.partsPerSize = partsPerSize;
    }

    /** Takes {@code buffer}'s remaining bytes (without changing its position); returns the parts it completed. */
    List<Chunk> accept(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<Chunk> out = new ArrayList<>(1);
        while (in.hasRemaining()) {
            if (current != null && filled == current.length) {
                out.add(emit(false));
            }
            if (current == null) {
                if (partNumber > TransferSettings.MAX_PARTS) {
                    throw new IllegalStateException("the stream is longer than 10,000 parts can hold ("
                            + total + " bytes so far)");
                }
                current = new byte[(int) Math.min(Integer.MAX_VALUE - 8,
                        PartPlan.streamPartSize(basePartSize, partNumber, partsPerSize))];
                filled = 0;
            }
            int n = Math.min(in.remaining(), current.length - filled);
            in.get(current, filled, n);
            filled += n;
            total += n;
        }
        return out;
    }

    /** The stream ended: the last part (empty when the stream was). */
    Chunk finish() {
        if (current == null) {
            return new Chunk(partNumber, new byte[0], 0, true);
        }
        return emit(true);
    }

    /** Bytes taken so far. */
    long total() {
        return total;
    }

    private Chunk emit(boolean last) {
        Chunk chunk = new Chunk(partNumber++, current, filled, last);
        current = null;
        filled = 0;
        return chunk;
    }
}
