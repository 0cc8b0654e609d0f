package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Reads of local files for uploads: the JDK's temporary direct buffer running out of direct memory fails the read
 * with an {@link IOException}, which a transfer reports, and not with the {@link OutOfMemoryError} itself, which
 * Reactor rethrows on the reading thread instead of passing it on (the upload then waited forever).
 */
class LocalFileReadTest {

    private static final OutOfMemoryError NO_DIRECT_MEMORY =
            new OutOfMemoryError("Cannot reserve 262144 bytes of direct buffer memory");

    @Test
    void read_outOfDirectMemory_isAnIOException() {
        FileChannel channel = StubFileChannel.reading((dst, position) -> {
            throw NO_DIRECT_MEMORY;
        });
        assertThatThrownBy(() -> LocalFiles.read(channel, 0, 1024))
                .isInstanceOf(UncheckedIOException.class)
                .cause().isInstanceOf(IOException.class).hasMessageContaining("direct buffer memory")
                .hasCause(NO_DIRECT_MEMORY);
    }

    @Test
    void readOnABoundedElasticThread_outOfDirectMemory_failsTheMonoInsteadOfNeverEnding() {
        FileChannel channel = StubFileChannel.reading((dst, position) -> {
            throw NO_DIRECT_MEMORY;
        });
        StepVerifier.create(Mono.fromCallable(() -> LocalFiles.readBuffers(channel, 0, 4096))
                        .subscribeOn(Schedulers.boundedElastic()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UncheckedIOException.class)
                        .hasRootCause(NO_DIRECT_MEMORY))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void read_shortPieces_fillsTheWholeRange() throws IOException {
        FileChannel channel = StubFileChannel.reading((dst, position) -> {
            int n = Math.min(dst.remaining(), 1000);
            for (int i = 0; i < n; i++) {
                dst.put((byte) (position + i));
            }
            return n;
        });
        byte[] bytes = LocalFiles.read(channel, 7, 4096);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i]).as("byte %d", i).isEqualTo((byte) (7 + i));
        }
    }
}
