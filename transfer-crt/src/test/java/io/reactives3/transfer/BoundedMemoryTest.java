package io.reactives3.transfer;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A stream download of an object four times the heap, through a slow subscriber, in a JVM with {@code -Xmx128m}
 * (the surefire execution {@code bounded-memory}): it completes, every byte arrives in order, and the heap used
 * stays near the engine's memory budget whatever the subscriber's speed.
 */
@Tag("bounded-memory")
class BoundedMemoryTest {

    private static final long SIZE = 512 * TestData.MIB;
    private static final long BUDGET = 32 * TestData.MIB;

    /** The Reactor engine over the client's Netty HTTP client. */
    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void downloadStream_objectFourTimesTheHeapThroughASlowSubscriber_completesWithinTheBudget(
            S3Target target, TestBucket bucket, @TempDir Path dir) {
        streamThroughSlowSubscriber(target, bucket, dir, TransferBackend.REACTOR);
    }

    /** The default: AUTO runs the Reactor engine's ranged GETs over the CRT HTTP client. */
    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void downloadStream_auto_rangedGetsOverTheCrtHttpClient_completesWithinTheBudget(
            S3Target target, TestBucket bucket, @TempDir Path dir) {
        streamThroughSlowSubscriber(target, bucket, dir, TransferBackend.AUTO);
    }

    private static void streamThroughSlowSubscriber(S3Target target, TestBucket bucket, Path dir,
                                                    TransferBackend backend) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("run in the bounded-memory execution (-Xmx128m)").isLessThan(SIZE / 3);
        Path file = TestData.file(dir.resolve("big"), SIZE, 42);
        target.fixtureClient().putObject(b -> b.bucket(bucket.name()).key("big"), RequestBody.fromFile(file));
        String expected = TestData.md5Hex(file);

        // 8 MiB ranges, 2 read ahead + 2 on the way to the subscriber (32 MiB), the whole MD5 checked against the ETag
        TransferSettings settings = TransferSettings.defaults().withMemoryBudget(BUDGET)
                .withBackend(backend);
        HeapWatch watch = new HeapWatch();
        AtomicLong received = new AtomicLong();
        AtomicLong buffers = new AtomicLong();
        MessageDigest md5 = Engines.md5();
        long started = System.nanoTime();
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            watch.start();
            engine.downloadStream(bucket.name(), "big")
                    .flatMapMany(s -> s.body())
                    // the slow subscriber: one buffer requested at a time, 25 ms pause per MiB (about 40 MiB/s)
                    .concatMap(buffer -> {
                        long before = received.getAndAdd(buffer.remaining());
                        buffers.incrementAndGet();
                        boolean pause = before >> 20 != received.get() >> 20;
                        return pause ? Mono.delay(Duration.ofMillis(25)).thenReturn(buffer) : Mono.just(buffer);
                    }, 1)
                    .doOnNext(md5::update)
                    .blockLast(Duration.ofMinutes(3));
        } finally {
            watch.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BOUNDED-MEMORY [%s, %s] %d MiB through a slow subscriber in %.1f s with -Xmx%d MiB: "
                        + "live heap before %.1f MiB, max live heap during the download %.1f MiB (+%.1f MiB), "
                        + "memory budget %d MiB, %d buffers%n", target.name(), backend, SIZE >> 20, seconds, maxHeap >> 20,
                watch.baseline() / 1048576.0, watch.maxLive() / 1048576.0,
                (watch.maxLive() - watch.baseline()) / 1048576.0, BUDGET >> 20, buffers.get());
        assertThat(received.get()).isEqualTo(SIZE);
        assertThat(java.util.HexFormat.of().formatHex(md5.digest())).isEqualTo(expected);
        // what the download added to the live heap stays near the budget (the ranges, held as the client's ~8 KiB
        // buffers, plus the client's own buffers and connections), far below the 512 MiB it moved
        assertThat(watch.maxLive() - watch.baseline()).isLessThan(BUDGET + 16 * TestData.MIB);
    }

    /**
     * Measures the live heap: a full collection every 250 ms, then the heap in use (what the program really holds;
     * young collections alone leave promoted garbage counted). The baseline is measured the same way before the
     * download starts: the server (S3Proxy runs in this JVM), clients and test machinery.
     */
    private static final class HeapWatch {
        private final AtomicLong maxLive = new AtomicLong();
        private long baseline;
        private volatile boolean running;
        private Thread sampler;

        private static long liveNow() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void start() {
            baseline = liveNow();
            running = true;
            sampler = new Thread(() -> {
                while (running) {
                    maxLive.accumulateAndGet(liveNow(), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }

        long baseline() {
            return baseline;
        }

        long maxLive() {
            return maxLive.get();
        }
    }
}
