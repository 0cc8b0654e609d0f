package io.reactives3.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Atomic file downloads: the bytes go to a temporary file in the destination's folder (so the final rename stays on
 * one file system), which replaces the destination by an atomic rename only after the download succeeded. On error
 * or cancel the temporary file is deleted: no partial file appears, an existing destination is untouched. (The
 * rename is atomic, not durable: the data is not forced to disk.) File-system work runs on bounded-elastic threads,
 * the positional writes on the pool the caller gives.
 *
 * <p>The temporary file is created as any new file of the process is ({@code 0666} less the umask, {@code rw-r--r--}
 * with the usual umask 022), the way the CRT S3 client creates its files, so downloaded files get the same permissions
 * on both backends; a replaced destination gets the new file's permissions, not its old ones. An I/O error of the
 * writer (a full disk, a file-system fault) is a {@link io.reactives3.core.error.LocalFileException}.
 */
final class Staging {

    private static final Logger LOG = LoggerFactory.getLogger(Staging.class);

    /** A temporary file being written, and (when asked for) the file open for positional writes. */
    record Staged(Path file, @Nullable PositionalFile out) {
    }

    private Staging() {
    }

    /**
     * Runs {@code write} on a new temporary file open for positional writes, whose writes run on the pool
     * {@code writers} gives (asked for on a thread that may block), then commits it to {@code destination}.
     */
    static <T> Mono<T> stage(Path destination, String operation, Supplier<Executor> writers,
                             Function<Staged, Mono<T>> write) {
        return stageWith(destination, operation, Objects.requireNonNull(writers, "writers"), write);
    }

    /**
     * Runs {@code write} with the name of a temporary file that does not exist yet (for writers that create it
     * themselves, such as the CRT client), then commits it.
     */
    static <T> Mono<T> stageName(Path destination, String operation, Function<Staged, Mono<T>> write) {
        return stageWith(destination, operation, null, write);
    }

    /** {@code writers} null: no channel is opened (the writer creates the file). */
    private static <T> Mono<T> stageWith(Path destination, String operation,
                                         @Nullable Supplier<Executor> writers,
                                         Function<Staged, Mono<T>> write) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> create(destination, writers)).subscribeOn(Schedulers.boundedElastic())
                        .onErrorMap(e -> LocalFiles.fileError(operation, destination, e)),
                staged -> write.apply(staged)
                        .flatMap(value -> Mono.fromCallable(() -> {
                            commit(staged, destination);
                            return value;
                        }).subscribeOn(Schedulers.boundedElastic()))
                        .onErrorMap(e -> LocalFiles.fileError(operation, destination, e)),
                staged -> Mono.empty(),
                (staged, error) -> discard(staged),
                Staging::discard);
    }

    private static Staged create(Path destination, @Nullable Supplier<Executor> writers) throws IOException {
        Path absolute = destination.toAbsolutePath();
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the destination is a directory");
        }
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        if (writers == null) {
            return new Staged(temporaryName(folder), null);
        }
        Executor writes = writers.get();
        for (int attempt = 1; ; attempt++) {
            Path file = temporaryName(folder);
            try {
                // default permissions (0666 less the umask), unlike Files.createTempFile's 0600
                return new Staged(file, new PositionalFile(FileChannel.open(file, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW), writes));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static Path temporaryName(Path folder) {
        return folder.resolve(".s3-download-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    }

    private static void commit(Staged staged, Path destination) throws IOException {
        if (staged.out() != null) {
            staged.out().close();
        }
        if (!Files.exists(staged.file(), LinkOption.NOFOLLOW_LINKS)) {
            // a writer that creates the file itself writes nothing for an empty object
            Files.createFile(staged.file());
        }
        try {
            Files.move(staged.file(), destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged.file(), destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Mono<Void> discard(Staged staged) {
        return Mono.fromRunnable(() -> {
            try {
                if (staged.out() != null) {
                    staged.out().close();
                }
                Files.deleteIfExists(staged.file());
            } catch (IOException e) {
                LOG.warn("could not delete the temporary file {}: {}", staged.file(), e.toString());
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
