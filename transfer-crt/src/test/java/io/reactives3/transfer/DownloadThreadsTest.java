package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DownloadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a file download's work runs: its positional writes on the engine's own bounded pool of file-write threads
 * (not the JDK's default pool for asynchronous file channels, which grows a thread per blocked write), its MD5s on
 * the engine's transfer threads (not on the thread that completed a write, nor on an HTTP client's event loop), and
 * the file-write threads end when the engine is closed. Observed by sampling every thread's stack while the download
 * runs.
 */
class DownloadThreadsTest {

    private static final String WRITERS = "reactive-s3-file-write-";
    private static final long SIZE = 64 * MIB;

    @TempDir
    Path dir;

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void fileDownload_writesOnTheEnginesBoundedPool_digestsOnItsTransferThreads(S3Target target, TestBucket bucket)
            throws Exception {
        Path source = TestData.file(dir.resolve("source.bin"), SIZE, 77);
        TransferSettings settings = Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.MD5)
                .withConcurrency(8);
        Map<String, Boolean> writers = new ConcurrentHashMap<>();
        Set<String> digesters = ConcurrentHashMap.newKeySet();
        S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings);
        try {
            engine.uploadFile(source, bucket.name(), "threads.bin").result().block(TIMEOUT);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    Thread.getAllStackTraces().forEach((thread, stack) -> {
                        if (thread.getName().startsWith(WRITERS)) {
                            writers.put(thread.getName(), thread.isDaemon());
                        }
                        if (Arrays.stream(stack).anyMatch(frame -> frame.getClassName().endsWith(".SegmentDigester")
                                && frame.getMethodName().equals("update"))) {
                            digesters.add(thread.getName());
                        }
                    });
                    try {
                        Thread.sleep(1); // each sample stops the JVM at a safepoint: leave the core to the download
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "download-threads-sampler");
            sampler.start();
            DownloadResult result;
            try {
                result = engine.downloadFile(bucket.name(), "threads.bin", dir.resolve("copy.bin")).result()
                        .block(TIMEOUT);
            } finally {
                sampling.set(false);
                sampler.join();
            }
            assertThat(result.contentVerified()).isTrue();
            assertThat(TestData.sameContent(source, dir.resolve("copy.bin"))).isTrue();
        } finally {
            engine.close();
        }
        int bound = Math.max(2, Runtime.getRuntime().availableProcessors());
        assertThat(writers).as("file-write threads seen during the download").isNotEmpty()
                .hasSizeLessThanOrEqualTo(bound);
        assertThat(writers.values()).as("daemon").containsOnly(true);
        // update, not the constructor, which runs where a range is subscribed (a bounded-elastic thread for the first)
        assertThat(digesters).as("threads seen in SegmentDigester.update during the download").isNotEmpty()
                .allMatch(name -> name.startsWith("reactive-s3-transfer-"), "the engine's transfer threads");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (liveWriters() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(liveWriters()).as("file-write threads alive after the engine closed").isZero();
    }

    @S3Test(only = {StoreKind.S3PROXY})
    void fileDownload_afterTheEngineClosed_failsAndStartsNoWriteThreads(S3Target target, TestBucket bucket) {
        bucket.put("small", "after close");
        S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR));
        engine.close();
        Throwable failure = catchThrowable(() -> engine.downloadFile(bucket.name(), "small", dir.resolve("small"))
                .result().block(TIMEOUT));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("engine is closed");
        assertThat(dir.resolve("small")).doesNotExist();
    }

    private static long liveWriters() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(WRITERS) && thread.isAlive()).count();
    }
}
