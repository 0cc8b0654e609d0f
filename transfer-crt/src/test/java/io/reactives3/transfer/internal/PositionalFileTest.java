package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The positional writes of file downloads: a write the file system takes in pieces is finished where it belongs, and
 * a write ended by anything, an {@link Error} included, fails its download instead of leaving it waiting forever.
 * ({@link StubFileChannel} stands in for the JDK's channel where a case changes what its {@code write} does.)
 */
class PositionalFileTest {

    private final ExecutorService writes = RangedDownloader.fileWritePool(2);

    @AfterEach
    void stopThePool() {
        writes.shutdownNow();
    }

    @Test
    void write_takenInPieces_isFinishedAtItsPosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f");
        byte[] data = new byte[1_000_000];
        ThreadLocalRandom.current().nextBytes(data);
        AtomicInteger calls = new AtomicInteger();
        try (FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            FileChannel piecemeal = StubFileChannel.writing((src, position) -> {
                calls.incrementAndGet();
                ByteBuffer piece = src.duplicate();
                piece.limit(piece.position() + Math.min(piece.remaining(), 4096));
                int written = real.write(piece, position);
                src.position(src.position() + written);
                return written;
            });
            StepVerifier.create(new PositionalFile(piecemeal, writes).write(ByteBuffer.wrap(data), 100))
                    .expectComplete().verify(Duration.ofSeconds(10));
        }
        byte[] written = Files.readAllBytes(file);
        assertThat(written).hasSize(100 + data.length);
        assertThat(Arrays.copyOfRange(written, 100, written.length)).isEqualTo(data);
        assertThat(calls).as("one call per 4 KiB piece").hasValue((data.length + 4095) / 4096);
    }

    @Test
    void write_outOfDirectMemory_failsWithAnIOExceptionInsteadOfNeverCompleting() {
        OutOfMemoryError noDirectMemory = new OutOfMemoryError("Cannot reserve 262144 bytes of direct buffer memory");
        StepVerifier.create(writeFailingWith(noDirectMemory))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IOException.class)
                        .hasMessageContaining("direct buffer memory").hasCause(noDirectMemory))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void write_endedByAnIOExceptionOrAnyOtherFailure_reportsIt() {
        for (Throwable thrown : List.of(new IOException("No space left on device"), new IllegalStateException("a bug"))) {
            StepVerifier.create(writeFailingWith(thrown))
                    .expectErrorMatches(e -> e == thrown)
                    .verify(Duration.ofSeconds(10));
        }
    }

    /** A 1 KiB write to a channel whose write throws {@code failure}. */
    private Mono<Void> writeFailingWith(Throwable failure) {
        FileChannel failing = StubFileChannel.writing((src, position) -> {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        });
        return new PositionalFile(failing, writes).write(ByteBuffer.allocate(1024), 0);
    }

    @Test
    void write_afterThePoolStopped_failsAsAClosedEngine(@TempDir Path dir) throws IOException {
        writes.shutdown();
        try (FileChannel real = FileChannel.open(dir.resolve("f"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            StepVerifier.create(new PositionalFile(real, writes).write(ByteBuffer.allocate(10), 0))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                            .hasMessage("the transfer engine is closed"))
                    .verify(Duration.ofSeconds(10));
        }
    }
}
