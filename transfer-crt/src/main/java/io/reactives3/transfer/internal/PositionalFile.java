package io.reactives3.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * A file open for positional writes that run on {@code writes}, the engine's file-write threads, never on the
 * caller's. Each write is a task of ours that reports whatever ends it: an {@link Error} too (the JDK's temporary
 * direct buffer for a heap buffer can fail with {@code OutOfMemoryError: Cannot reserve ... direct buffer memory}),
 * as an {@link IOException}, so that the download fails instead of waiting forever for a write that never reports
 * (the JDK's {@code AsynchronousFileChannel} task calls its handler for an {@code IOException} only).
 */
record PositionalFile(FileChannel channel, Executor writes) {

    /**
     * Writes all of {@code buffer} at {@code position}; completes when it is written, or fails with the write's
     * {@link IOException}. Cancelled, it starts no further write, and a write that fails after the cancel (the
     * channel closed by the cancelled transfer) is not reported: the error has no subscriber, and passing it on would
     * only reach {@code Hooks.onErrorDropped} (an ERROR log per write).
     */
    Mono<Void> write(ByteBuffer buffer, long position) {
        return Mono.create(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onCancel(() -> cancelled.set(true));
            Runnable task = () -> {
                Throwable failure = null;
                try {
                    long at = position;
                    while (buffer.hasRemaining() && !cancelled.get()) {
                        at += channel.write(buffer, at);
                    }
                } catch (Throwable error) {
                    failure = error;
                }
                if (cancelled.get()) {
                    return;
                }
                if (failure == null) {
                    sink.success();
                } else {
                    sink.error(failure instanceof IOException ? failure
                            : new IOException("the file write failed: " + failure, failure));
                }
            };
            try {
                writes.execute(task);
            } catch (RejectedExecutionException e) {
                sink.error(new IllegalStateException("the transfer engine is closed", e));
            }
        });
    }

    /** Closes the channel; a write in flight then fails (and is not reported when its transfer was cancelled). */
    void close() throws IOException {
        channel.close();
    }
}
