package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
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
        ExecutorService writes = RangedDownloader.fileWritePool(2);
        int cutShort = 0;
        try {
            for (int i = 0; i < 60; i++) {
                PositionalFile out = new PositionalFile(FileChannel.open(dir.resolve("f" + i),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE), writes);
                ByteBuffer buffer = ByteBuffer.allocateDirect(4 * 1024 * 1024);
                Disposable write = out.write(buffer, 0).subscribe();
                write.dispose();
                out.close();
                if (buffer.hasRemaining()) {
                    cutShort++;
                }
            }
            Thread.sleep(200);
        } finally {
            writes.shutdown();
        }
        assertThat(dropped).isEmpty();
        System.out.println("writes cut short by the cancel or the close: " + cutShort + " of 60");
    }
}
