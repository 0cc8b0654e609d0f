package io.reactives3.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's load in a small heap (the surefire execution {@code service-load}: its own JVM, {@code -Xmx128m},
 * so the engine's default memory budget is 32 MiB): 200 uploads of unknown length and mixed sizes (0 B to 64 MiB)
 * at once, while 20 stream downloads of one 32 MiB object are drained slowly. Every transfer completes, every byte
 * is checked, the budget is never exceeded and is all given back, and nothing the transfers used stays reachable
 * once they ended (the live heap after a full collection returns near where it started, with the engine and the
 * client's pooled connections still open).
 */
@Tag("service-load")
class ServiceLoadTest {

    private static final long MIB = TestData.MIB;
    private static final long[] SIZES = {0, 1, 4096, 65_536, 512 * 1024, MIB, 2 * MIB, 5 * MIB, 9 * MIB, 17 * MIB};
    private static final int UPLOADS = 200;
    private static final int STREAMS = 20;
    private static final long STREAMED = 32 * MIB;

    /** Size of upload {@code i}: the ten sizes in turn, and 64 MiB for every 40th. */
    private static long size(int i) {
        return i % 40 == 39 ? 64 * MIB : SIZES[i % SIZES.length];
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadsAndSlowStreamsAtOnce_inA128MiBHeap_allCompleteWithEveryByteAndMemoryGivenBack(S3Target target,
                                                                                              TestBucket bucket) {
        assertThat(Runtime.getRuntime().maxMemory()).as("run in the service-load execution (-Xmx128m)")
                .isLessThan(160 * MIB);
        ReactiveS3Client client = TargetClients.client(target);
        MemoryBudget budget = MemoryBudget.jvmDefault();
        TransferSettings settings = TransferSettings.defaults();
        assertThat(settings.memoryBudget()).isSameAs(budget);
        String streamedMd5 = putStreamedObject(client, bucket.name());
        long baseline = liveHeap();
        AtomicLong peakReserved = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        Map<String, String> uploadedMd5 = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (S3TransferEngine engine = S3TransferEngine.create(client, settings)) {
            Thread watch = watch(budget, peakReserved, peakHeap);
            Mono<Long> uploads = Flux.range(0, UPLOADS)
                    .flatMap(i -> {
                        String key = "load/" + i;
                        MessageDigest md5 = Engines.md5();
                        Flux<ByteBuffer> body = TestData.stream(size(i), i, 64 * 1024)
                                .doOnNext(b -> md5.update(b.duplicate()));
                        return engine.upload(body, bucket.name(), key, io.reactives3.core.PutObjectOptions.defaults())
                                .result()
                                .doOnNext(r -> uploadedMd5.put(key, HexFormat.of().formatHex(md5.digest())))
                                .map(r -> r.size());
                    }, UPLOADS)
                    .reduce(0L, Long::sum);
            Mono<List<String>> streams = Flux.range(0, STREAMS)
                    .flatMap(i -> engine.downloadStream(bucket.name(), "streamed")
                            .flatMap(stream -> drainSlowly(stream.body())), STREAMS)
                    .collectList();
            Long uploaded = Mono.zip(uploads, streams, (u, s) -> {
                assertThat(s).hasSize(STREAMS).containsOnly(streamedMd5);
                return u;
            }).block(Duration.ofMinutes(8));
            double seconds = (System.nanoTime() - started) / 1e9;
            watch.interrupt();
            long expected = 0;
            for (int i = 0; i < UPLOADS; i++) {
                expected += size(i);
            }
            assertThat(uploaded).isEqualTo(expected);
            assertThat(budget.inUse()).as("every reserved byte given back").isZero();
            assertThat(peakReserved.get()).isLessThanOrEqualTo(budget.capacity());
            long after = liveHeap();
            System.out.printf("SERVICE-LOAD [%s] %d uploads (%d MiB) + %d slow streams (%d MiB) in %.1f s, -Xmx%d MiB, "
                            + "budget %d MiB (peak reserved %.1f MiB), live heap before %.1f MiB, peak used %.1f MiB, "
                            + "after %.1f MiB%n", target.name(), UPLOADS, expected >> 20, STREAMS,
                    (STREAMS * STREAMED) >> 20, seconds, Runtime.getRuntime().maxMemory() >> 20,
                    budget.capacity() >> 20, peakReserved.get() / 1048576.0, baseline / 1048576.0,
                    peakHeap.get() / 1048576.0, after / 1048576.0);
            // nothing reachable from the engine or the pooled connections: the live heap is back near the baseline
            assertThat(after - baseline).isLessThan(16 * MIB);
        }
        // every byte of every upload, read back with the client and compared
        Flux.range(0, UPLOADS)
                .flatMap(i -> client.getObjectStream(bucket.name(), "load/" + i, io.reactives3.core.GetObjectOptions.defaults()).flatMap(o -> {
                    MessageDigest md5 = Engines.md5();
                    return o.body().doOnNext(md5::update).then(Mono.fromRunnable(() ->
                            assertThat(HexFormat.of().formatHex(md5.digest())).as("content of load/" + i)
                                    .isEqualTo(uploadedMd5.get("load/" + i))));
                }), 4)
                .blockLast(Duration.ofMinutes(4));
    }

    private static String putStreamedObject(ReactiveS3Client client, String bucket) {
        MessageDigest md5 = Engines.md5();
        Flux<ByteBuffer> body = TestData.stream(STREAMED, 7, 1 << 20).doOnNext(b -> md5.update(b.duplicate()));
        client.putObject(bucket, "streamed", body, STREAMED).block(Duration.ofMinutes(1));
        return HexFormat.of().formatHex(md5.digest());
    }

    /** One buffer at a time, 40 ms pause per MiB (25 MiB/s): the MD5 of what arrived. */
    private static Mono<String> drainSlowly(Flux<ByteBuffer> body) {
        MessageDigest md5 = Engines.md5();
        AtomicLong received = new AtomicLong();
        return body.concatMap(buffer -> {
                    long before = received.getAndAdd(buffer.remaining());
                    md5.update(buffer);
                    boolean pause = before >> 20 != received.get() >> 20;
                    return pause ? Mono.delay(Duration.ofMillis(40)).thenReturn(1) : Mono.just(1);
                }, 1)
                .then(Mono.fromCallable(() -> {
                    assertThat(received.get()).isEqualTo(STREAMED);
                    return HexFormat.of().formatHex(md5.digest());
                }));
    }

    private static Thread watch(MemoryBudget budget, AtomicLong peakReserved, AtomicLong peakHeap) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakReserved.accumulateAndGet(budget.inUse(), Math::max);
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
