package io.reactives3.transfer.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * MD5s of consecutive fixed-size segments of a byte stream read in order: the part MD5s of a multipart object
 * (segment = the upload's part size), or the whole object's MD5 (one segment). A ranged read that starts on a
 * segment boundary and covers whole segments (the last one may be short at the object's end) digests exactly the
 * parts it covers. Not thread-safe: one per ranged read.
 */
final class SegmentDigester {

    private final long segmentSize;
    private final List<byte[]> done = new ArrayList<>();
    private MessageDigest current = Checksums.md5();
    private long inSegment;

    SegmentDigester(long segmentSize) {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be > 0");
        }
        this.segmentSize = segmentSize;
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
                done.add(current.digest());
                current = Checksums.md5();
                inSegment = 0;
            }
        }
    }

    /** The MD5s of the segments read, the last (short) one included; the digester is spent afterwards. */
    List<byte[]> finish() {
        if (inSegment > 0 || done.isEmpty()) {
            done.add(current.digest());
            inSegment = 0;
        }
        return List.copyOf(done);
    }
}
