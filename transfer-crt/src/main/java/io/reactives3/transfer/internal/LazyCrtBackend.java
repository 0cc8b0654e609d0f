package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link TransferBackend#CRT} built on first use: the CRT S3 client (native library, event loops, a host resolver) is
 * created by the first file transfer that needs it, once, on a bounded-elastic thread, so that creating an engine
 * costs nothing and an engine that never moves a file leaves nothing of the CRT to close or to wait for at exit. When
 * the CRT cannot be built then (no native library for this platform), that and every later transfer fall back to
 * {@code fallback} (the Reactor engine), logged once at WARN, and {@link #kind()} reports REACTOR from then on.
 * {@link #close()} closes the CRT client only if it was built; a transfer started after close fails.
 */
final class LazyCrtBackend implements FileBackend {

    private static final Logger LOG = LoggerFactory.getLogger(LazyCrtBackend.class);

    private final Supplier<FileBackend> crtFactory;
    private final FileBackend fallback;
    private final Object lock = new Object();
    private @Nullable FileBackend built;
    private boolean closed;

    LazyCrtBackend(Supplier<FileBackend> crtFactory, FileBackend fallback) {
        this.crtFactory = crtFactory;
        this.fallback = fallback;
    }

    @Override
    public Mono<UploadResult> uploadFile(Path file, String bucket, String key, PutObjectOptions options,
                                         TransferRun run) {
        return backend().flatMap(b -> b.uploadFile(file, bucket, key, options, run));
    }

    @Override
    public Mono<DownloadResult> downloadFile(String bucket, String key, Path destination, TransferRun run) {
        return backend().flatMap(b -> b.downloadFile(bucket, key, destination, run));
    }

    /** CRT until a build failed, then the fallback's kind. */
    @Override
    public TransferBackend kind() {
        synchronized (lock) {
            return built == null ? TransferBackend.CRT : built.kind();
        }
    }

    /** Whether the CRT client was built (and not closed); for tests and diagnostics. */
    boolean builtCrt() {
        synchronized (lock) {
            return built != null && built != fallback && !closed;
        }
    }

    private Mono<FileBackend> backend() {
        FileBackend known;
        synchronized (lock) {
            known = closed ? null : built;
        }
        return known != null ? Mono.just(known)
                : Mono.fromCallable(this::build).subscribeOn(Schedulers.boundedElastic());
    }

    private FileBackend build() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the transfer engine is closed");
            }
            if (built == null) {
                try {
                    built = crtFactory.get();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn(BackendChoice.crtUnavailable(e).message());
                    built = fallback;
                }
            }
            return built;
        }
    }

    @Override
    public void close() {
        FileBackend own;
        synchronized (lock) {
            own = closed || built == fallback ? null : built;
            closed = true;
        }
        if (own != null) {
            own.close();
        }
    }
}
