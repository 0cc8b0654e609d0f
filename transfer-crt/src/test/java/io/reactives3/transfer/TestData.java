package io.reactives3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import reactor.core.publisher.Flux;

/** Deterministic pseudo-random test content: cheap to make, different in every 8-byte word (catches reordering). */
final class TestData {

    static final long MIB = 1024L * 1024;

    private TestData() {
    }

    /** {@code size} bytes derived from {@code seed}. */
    static byte[] bytes(long size, long seed) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        fill(ByteBuffer.wrap(bytes), 0, seed);
        return bytes;
    }

    /** Writes {@code size} bytes derived from {@code seed} to {@code file}, 1 MiB at a time. */
    static Path file(Path file, long size, long seed) {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[(int) MIB];
            for (long offset = 0; offset < size; offset += MIB) {
                int n = (int) Math.min(MIB, size - offset);
                fill(ByteBuffer.wrap(chunk, 0, n), offset, seed);
                out.write(chunk, 0, n);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same content as a stream of buffers of {@code chunk} bytes (the last shorter), generated on demand. */
    static Flux<ByteBuffer> stream(long size, long seed, int chunk) {
        return Flux.generate(() -> 0L, (offset, sink) -> {
            if (offset >= size) {
                sink.complete();
                return offset;
            }
            int n = (int) Math.min(chunk, size - offset);
            ByteBuffer buffer = ByteBuffer.allocate(n);
            fill(buffer, offset, seed);
            buffer.flip();
            sink.next(buffer);
            return offset + n;
        });
    }

    /** Fills {@code buffer} from its position to its limit with the content at {@code offset}. */
    private static void fill(ByteBuffer buffer, long offset, long seed) {
        // one random word per 8-byte aligned position: the value depends on seed and position only
        while (buffer.hasRemaining()) {
            long word = new SplittableRandom(seed * 1_000_003L + (offset >>> 3)).nextLong();
            int from = (int) (offset & 7);
            for (int i = from; i < 8 && buffer.hasRemaining(); i++) {
                buffer.put((byte) (word >>> (i * 8)));
                offset++;
            }
        }
    }

    /**
     * The file's MD5 in hex, read 64 KiB at a time: a whole-file read ({@code Files.readAllBytes}) would go through a
     * temporary direct buffer of the file's size, which the JDK then caches per thread.
     */
    static String md5Hex(Path file) {
        MessageDigest md5 = Engines.md5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                md5.update(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Whether two files hold the same bytes. */
    static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
