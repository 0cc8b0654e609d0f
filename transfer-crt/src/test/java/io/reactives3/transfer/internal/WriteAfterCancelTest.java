package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;

/**
 * A download's positional write cancelled while in flight, its channel then closed (as a cancelled download does):
 * the write's failure must not reach {@link Hooks#onErrorDropped}.
 */
class WriteAfterCancelTest {

    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collectDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterEach
    void resetHook() {
        Hooks.resetOnErrorDropped();
    }

    @Test
    void write_cancelledThenChannelClosed_dropsNoError(@TempDir Path dir) throws Exception {
        int failedAfterCancel = 0;
        for (int i = 0; i < 60; i++) {
            Path file = dir.resolve("f" + i);
            AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            ByteBuffer buffer = ByteBuffer.allocateDirect(4 * 1024 * 1024);
            Disposable write = RangedDownloader.write(channel, buffer, 0).subscribe();
            write.dispose();
            channel.close();
            if (buffer.hasRemaining()) {
                failedAfterCancel++;
            }
        }
        Thread.sleep(200);
        assertThat(dropped).isEmpty();
        System.out.println("writes cut short by the close: " + failedAfterCancel + " of 60");
    }
}
