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
 * caller's. Each write is a task of ours that reports whatever ends it, so that the download fails instead of waiting
 * forever for a write that never reports (the JDK's {@code AsynchronousFileChannel} task calls its handler for an
 * {@code IOException} only); the JDK's temporary direct buffer running out of direct memory is an
 * {@link IOException} here, as for the engine's reads ({@link LocalFiles#writeAt}).
 */
record PositionalFile(FileChannel channel, Executor writes) {

    /**
     * Writes all of {@code buffer} at {@code position}; completes when it is written, or fails with whatever ended the
     * write (an {@link IOException} for a failure of the file or of the JDK's buffer). Cancelled, it starts no further write, and a write that fails after the cancel (the
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
                        at += LocalFiles.writeAt(channel, buffer, at);
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
                    sink.error(failure);
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
