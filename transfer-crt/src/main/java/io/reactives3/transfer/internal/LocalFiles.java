package io.reactives3.transfer.internal;

import io.reactives3.core.error.LocalFileException;
import io.reactives3.transfer.IntegrityMode;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * File-system helpers of the engine. The methods returning values block: call them on
 * {@link Schedulers#boundedElastic()} only; those returning a {@link Mono} schedule themselves there.
 */
final class LocalFiles {

    private static final int READ_CHUNK = 1024 * 1024;

    private LocalFiles() {
    }

    /** Identity of a file's content for "did it change while we read it": size and modification time. */
    record Stamp(long size, FileTime modified) {
    }

    /** The stamp of a regular file; an I/O error (missing, not a regular file) as a {@link LocalFileException}. */
    static Stamp stamp(Path file, String operation) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new LocalFileException(operation + ": " + file + " is not a regular file");
            }
            return new Stamp(a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            throw ioError(operation, file, e);
        }
    }

    /** The failure of an upload whose source file changed between two stamps. */
    static LocalFileException changed(String operation, Stamp before, Stamp now) {
        return new LocalFileException(operation + ": the file changed during the upload (size " + before.size()
                + " -> " + now.size() + ", modified " + before.modified() + " -> " + now.modified() + ")");
    }

    /**
     * Reads {@code [offset, offset + length)} into buffers of at most {@link PartAssembler#MAX_BUFFER} bytes (never a
     * humongous object for the garbage collector), ready to read.
     */
    static List<ByteBuffer> readBuffers(FileChannel channel, long offset, long length) {
        List<ByteBuffer> buffers = new ArrayList<>((int) (length / PartAssembler.MAX_BUFFER) + 1);
        for (long at = 0; at < length || buffers.isEmpty(); ) {
            int n = (int) Math.min(PartAssembler.MAX_BUFFER, length - at);
            buffers.add(ByteBuffer.wrap(read(channel, offset + at, n)));
            at += n;
            if (n == 0) {
                break;
            }
        }
        return buffers;
    }

    /** Reads {@code length} bytes at {@code offset} into a new array (fails on a file that became shorter). */
    static byte[] read(FileChannel channel, long offset, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                int n = readAt(channel, buffer, offset + buffer.position());
                if (n < 0) {
                    throw new EOFException("file ended at " + (offset + buffer.position()) + " while reading "
                            + length + " bytes at " + offset + ": it changed during the transfer");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /**
     * {@code channel.read(buffer, position)}, with the JDK's temporary direct buffer for a heap buffer running out of
     * direct memory ({@code OutOfMemoryError: Cannot reserve ... direct buffer memory}) as an {@link IOException}, the
     * failure of this read: as an {@link Error} it would leave the transfer waiting forever, since Reactor rethrows
     * such errors on the thread that ran the read instead of passing them on.
     */
    static int readAt(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        try {
            return channel.read(buffer, position);
        } catch (OutOfMemoryError e) {
            throw new IOException("the file read failed: " + e, e);
        }
    }

    /** {@code channel.write(buffer, position)}, its temporary direct buffer's failure an {@link IOException} too. */
    static int writeAt(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        try {
            return channel.write(buffer, position);
        } catch (OutOfMemoryError e) {
            throw new IOException("the file write failed: " + e, e);
        }
    }

    /** Digests of {@code [0, size)} read sequentially: the whole file's MD5 or CRC32 as {@code mode} asks. */
    static PartData.Digest digest(Path file, long size, IntegrityMode mode) {
        return digest(file, 0, size, mode);
    }

    /** The digests {@code mode} asks for of the file's bytes {@code [offset, offset + length)}. */
    static PartData.Digest digest(Path file, long offset, long length, IntegrityMode mode) {
        MessageDigest md5 = mode == IntegrityMode.MD5 ? Checksums.md5() : null;
        CRC32 crc = mode == IntegrityMode.CRC32 ? new CRC32() : null;
        scan(file, offset, length, (bytes, n) -> {
            if (md5 != null) {
                md5.update(bytes, 0, n);
            }
            if (crc != null) {
                crc.update(bytes, 0, n);
            }
        });
        return new PartData.Digest(md5 == null ? null : md5.digest(),
                crc == null ? null : Checksums.crc32Base64(crc.getValue()));
    }

    /**
     * The digest ({@code hash}) of each {@code partSize} slice of {@code [0, size)}, in order; the slices are digested
     * in parallel (one per processor) on bounded-elastic threads.
     */
    static Mono<List<byte[]>> partDigests(Path file, long size, long partSize, ContentHash hash) {
        int parts = (int) PartPlan.ceilDiv(size, partSize);
        return Flux.range(0, parts)
                .flatMapSequential(i -> Mono.fromCallable(() -> {
                    long offset = i * partSize;
                    ContentHash.Running running = hash.start();
                    scan(file, offset, Math.min(partSize, size - offset),
                            (bytes, n) -> running.update(ByteBuffer.wrap(bytes, 0, n)));
                    return running.finish();
                }).subscribeOn(Schedulers.boundedElastic()), Runtime.getRuntime().availableProcessors(), 1)
                .collectList();
    }

    private interface Chunks {
        void accept(byte[] bytes, int n);
    }

    private static void scan(Path file, long offset, long length, Chunks chunks) {
        try (FileChannel channel = FileChannel.open(file)) {
            byte[] bytes = new byte[(int) Math.min(READ_CHUNK, Math.max(1, length))];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long done = 0;
            while (done < length) {
                buffer.clear().limit((int) Math.min(bytes.length, length - done));
                int n = readAt(channel, buffer, offset + done);
                if (n < 0) {
                    throw new EOFException(file + " ended at " + (offset + done) + ", expected " + (offset + length));
                }
                chunks.accept(bytes, n);
                done += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code path} exists without following a final symbolic link. */
    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** An I/O failure of a local file step as a {@link LocalFileException} naming the operation and file. */
    static LocalFileException ioError(String operation, Path file, IOException error) {
        return new LocalFileException(operation + ": local file " + file + ": " + error, error);
    }

    /**
     * A failure of a local file step (for {@code onErrorMap}): I/O errors become a {@link LocalFileException} naming
     * the operation and file; the toolkit's own errors and anything else (a bug, an {@link Error}) pass through.
     */
    static Throwable fileError(String operation, Path file, Throwable error) {
        Throwable cause = error instanceof UncheckedIOException u ? u.getCause() : error;
        if (cause instanceof IOException io) {
            return ioError(operation, file, io);
        }
        return error;
    }
}
