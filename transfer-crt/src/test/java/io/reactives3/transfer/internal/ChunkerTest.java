package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static List<Chunker.Chunk> cut(byte[] data, int bufferSize, long partSize, int partsPerSize) {
        Chunker chunker = new Chunker(partSize, partsPerSize);
        List<Chunker.Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < data.length; i += bufferSize) {
            chunks.addAll(chunker.accept(ByteBuffer.wrap(data, i, Math.min(bufferSize, data.length - i))));
        }
        chunks.add(chunker.finish());
        return chunks;
    }

    private static byte[] join(List<Chunker.Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(c -> out.write(c.bytes(), 0, c.length()));
        return out.toByteArray();
    }

    @Test
    void accept_oddBufferSizes_cutsPartsOfThePartSizeInOrder() {
        byte[] data = new byte[1000];
        new Random(1).nextBytes(data);
        List<Chunker.Chunk> chunks = cut(data, 37, 100, 1000);
        assertThat(chunks).hasSize(10);
        assertThat(chunks).allMatch(c -> c.length() == 100);
        assertThat(chunks).extracting(Chunker.Chunk::partNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(chunks.get(9).last()).isTrue();
        assertThat(chunks.subList(0, 9)).noneMatch(Chunker.Chunk::last);
        assertThat(join(chunks)).isEqualTo(data);
    }

    @Test
    void accept_streamEndingMidPart_lastPartIsShortAndMarked() {
        byte[] data = new byte[250];
        List<Chunker.Chunk> chunks = cut(data, 64, 100, 1000);
        assertThat(chunks).extracting(Chunker.Chunk::length).containsExactly(100, 100, 50);
        assertThat(chunks.get(2).last()).isTrue();
    }

    @Test
    void finish_emptyStream_givesOneEmptyLastPart() {
        List<Chunker.Chunk> chunks = cut(new byte[0], 10, 100, 1000);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).length()).isZero();
        assertThat(chunks.get(0).last()).isTrue();
    }

    @Test
    void accept_exactlyOnePart_isLastWithoutAnEmptyExtraPart() {
        List<Chunker.Chunk> chunks = cut(new byte[100], 100, 100, 1000);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).last()).isTrue();
        assertThat(chunks.get(0).length()).isEqualTo(100);
    }

    @Test
    void accept_pastPartsPerSize_doublesThePartSize() {
        byte[] data = new byte[2 * 10 + 2 * 20 + 40 + 5];
        new Random(2).nextBytes(data);
        List<Chunker.Chunk> chunks = cut(data, 7, 10, 2);
        assertThat(chunks).extracting(Chunker.Chunk::length).containsExactly(10, 10, 20, 20, 40, 5);
        assertThat(join(chunks)).isEqualTo(data);
    }

    @Test
    void accept_leavesTheCallersBufferUntouched() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[30]);
        new Chunker(10, 1000).accept(buffer);
        assertThat(buffer.position()).isZero();
    }
}
