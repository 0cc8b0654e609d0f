package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentDigesterTest {

    @Test
    void update_buffersAcrossSegmentBoundaries_givesEachSegmentsMd5() {
        byte[] data = new byte[25];
        new Random(7).nextBytes(data);
        SegmentDigester digester = new SegmentDigester(10);
        // 3 + 9 + 13 bytes: boundaries fall inside buffers
        digester.update(ByteBuffer.wrap(data, 0, 3));
        digester.update(ByteBuffer.wrap(data, 3, 9));
        digester.update(ByteBuffer.wrap(data, 12, 13));
        List<byte[]> md5s = digester.finish();
        assertThat(md5s).hasSize(3);
        assertThat(md5s.get(0)).isEqualTo(Checksums.md5(data, 0, 10));
        assertThat(md5s.get(1)).isEqualTo(Checksums.md5(data, 10, 10));
        assertThat(md5s.get(2)).isEqualTo(Checksums.md5(data, 20, 5));
    }

    @Test
    void update_exactMultiple_hasNoEmptyTrailingSegment() {
        SegmentDigester digester = new SegmentDigester(4);
        digester.update(ByteBuffer.wrap(new byte[8]));
        assertThat(digester.finish()).hasSize(2);
    }

    @Test
    void update_leavesTheBufferPositionAlone() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[6]);
        new SegmentDigester(4).update(buffer);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void finish_nothingRead_isTheMd5OfNothing() {
        assertThat(Checksums.hex(new SegmentDigester(4).finish().get(0)))
                .isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }
}
