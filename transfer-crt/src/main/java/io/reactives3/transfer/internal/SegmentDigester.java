package io.reactives3.transfer.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Digests ({@link ContentHash}) of consecutive fixed-size segments of a byte stream read in order: the part MD5s or
 * CRCs of a multipart object (segment = the upload's part size), the whole object's MD5 (one segment), or the CRCs of
 * a whole object's ranges (combined afterwards). A ranged read that starts on a segment boundary and covers whole
 * segments (the last one may be short at the object's end) digests exactly the segments it covers. Not thread-safe:
 * one per ranged read.
 */
final class SegmentDigester {

    private final long segmentSize;
    private final ContentHash hash;
    private final List<byte[]> done = new ArrayList<>();
    private ContentHash.Running current;
    private long inSegment;

    SegmentDigester(long segmentSize, ContentHash hash) {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be > 0");
        }
        this.segmentSize = segmentSize;
        this.hash = hash;
        this.current = hash.start();
    }

    /** MD5s of segments of {@code segmentSize}. */
    SegmentDigester(long segmentSize) {
        this(segmentSize, ContentHash.MD5);
    }

    /** Digests {@code buffer}'s remaining bytes without moving its position. */
    void update(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        while (in.hasRemaining()) {
            int n = (int) Math.min(in.remaining(), segmentSize - inSegment);
            ByteBuffer slice = in.slice();
            slice.limit(n);
            current.update(slice);
            in.position(in.position() + n);
            inSegment += n;
            if (inSegment == segmentSize) {
                done.add(current.finish());
                current = hash.start();
                inSegment = 0;
            }
        }
    }

    /** The digests of the segments read, the last (short) one included; the digester is spent afterwards. */
    List<byte[]> finish() {
        if (inSegment > 0 || done.isEmpty()) {
            done.add(current.finish());
            inSegment = 0;
        }
        return List.copyOf(done);
    }
}
