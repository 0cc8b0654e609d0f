package io.reactives3.transfer;

import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The service's load of {@link ServiceLoadTest}, run in a JVM of its own whose heap is the service's alone (the S3
 * server stays in the test's JVM): 200 uploads of unknown length and mixed sizes (0 B to 64 MiB) at once, while 20
 * stream downloads of one 32 MiB object are drained slowly and 40 file downloads of it are written to disk, all
 * through one engine with the default memory budget (a quarter of {@code -Xmx}). Every transfer must complete, every
 * byte is checked (uploads read back and files read, compared by MD5), the budget is never exceeded and is all given
 * back, and the live heap after a full collection returns near where it started. Prints one {@code SERVICE-LOAD OK}
 * line with the figures, or fails with a non-zero exit.
 *
 * <p>Arguments: endpoint, region, profile, bucket, a folder for the downloaded files; credentials in
 * {@code S3_ACCESS_KEY} / {@code S3_SECRET_KEY}.
 */
final class ServiceLoad {

    static final long MIB = TestData.MIB;
    private static final long[] SIZES = {0, 1, 4096, 65_536, 512 * 1024, MIB, 2 * MIB, 5 * MIB, 9 * MIB, 17 * MIB};
    static final int UPLOADS = 200;
    static final int STREAMS = 20;
    static final long STREAMED = 32 * MIB;
    static final int FILES = 40;

    private ServiceLoad() {
    }

    /** Size of upload {@code i}: the ten sizes in turn, and 64 MiB for every 40th. */
    static long size(int i) {
        return i % 40 == 39 ? 64 * MIB : SIZES[i % SIZES.length];
    }

    public static void main(String[] args) throws IOException {
        BlockHound.install();   // no blocking call on a Reactor, Netty or CRT thread under load either
        try (ReactiveS3Client client = ReactiveS3Client.builder()
                .endpoint(URI.create(args[0]))
                .region(Region.of(args[1]))
                .profile(StoreProfile.valueOf(args[2]))
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"))))
                .build()) {
            run(client, args[3], Path.of(args[4]));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(ReactiveS3Client client, String bucket, Path folder) throws IOException {
        MemoryBudget budget = MemoryBudget.jvmDefault();
        TransferSettings settings = TransferSettings.defaults();
        check(settings.memoryBudget() == budget, "the default settings use the JVM's default budget");
        String streamedMd5 = putStreamedObject(client, bucket);
        long baseline = liveHeap();
        AtomicLong peakReserved = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        Map<String, String> uploadedMd5 = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long after;
        long expected = 0;
        for (int i = 0; i < UPLOADS; i++) {
            expected += size(i);
        }
        try (S3TransferEngine engine = S3TransferEngine.create(client, settings)) {
            Thread watch = watch(budget, peakReserved, peakHeap);
            Mono<Long> uploads = Flux.range(0, UPLOADS)
                    .flatMap(i -> {
                        String key = "load/" + i;
                        MessageDigest md5 = Engines.md5();
                        Flux<ByteBuffer> body = TestData.stream(size(i), i, 64 * 1024)
                                .doOnNext(b -> md5.update(b.duplicate()));
                        return engine.upload(body, bucket, key, PutObjectOptions.defaults()).result()
                                .doOnNext(r -> uploadedMd5.put(key, HexFormat.of().formatHex(md5.digest())))
                                .map(r -> r.size());
                    }, UPLOADS)
                    .reduce(0L, Long::sum);
            Mono<List<String>> streams = Flux.range(0, STREAMS)
                    .flatMap(i -> engine.downloadStream(bucket, "streamed")
                            .flatMap(stream -> drainSlowly(stream.body())), STREAMS)
                    .collectList();
            Mono<Long> files = Flux.range(0, FILES)
                    .flatMap(i -> engine.downloadFile(bucket, "streamed", folder.resolve("file-" + i)).result()
                            .map(r -> r.size()), FILES)
                    .reduce(0L, Long::sum);
            Long uploaded = Mono.zip(uploads, streams, files).map(all -> {
                check(all.getT2().size() == STREAMS && all.getT2().stream().allMatch(streamedMd5::equals),
                        "every stream delivered the object's content: " + all.getT2());
                check(all.getT3() == FILES * STREAMED, "file downloads reported " + all.getT3() + " bytes");
                return all.getT1();
            }).block(Duration.ofMinutes(8));
            double seconds = (System.nanoTime() - started) / 1e9;
            watch.interrupt();
            check(uploaded != null && uploaded == expected, "uploaded " + uploaded + " bytes, expected " + expected);
            check(budget.inUse() == 0, "every reserved byte given back, still reserved: " + budget.inUse());
            check(peakReserved.get() <= budget.capacity(), "peak reserved " + peakReserved + " within the budget");
            after = liveHeap();
            System.out.printf("SERVICE-LOAD OK %d uploads (%d MiB) + %d slow streams (%d MiB) + %d file downloads "
                            + "(%d MiB) in %.1f s, -Xmx%d MiB, budget %d MiB (peak reserved %.1f MiB), live heap before "
                            + "%.1f MiB, peak used %.1f MiB, after %.1f MiB%n", UPLOADS, expected >> 20, STREAMS,
                    (STREAMS * STREAMED) >> 20, FILES, (FILES * STREAMED) >> 20, seconds,
                    Runtime.getRuntime().maxMemory() >> 20, budget.capacity() >> 20,
                    peakReserved.get() / 1048576.0, baseline / 1048576.0, peakHeap.get() / 1048576.0,
                    after / 1048576.0);
            // nothing reachable from the engine or the pooled connections: the live heap is back near the baseline
            check(after - baseline < 16 * MIB, "live heap back within 16 MiB of the baseline");
        }
        // every downloaded file, read and compared (here, off the engine's threads), then removed
        for (int i = 0; i < FILES; i++) {
            Path file = folder.resolve("file-" + i);
            check(TestData.md5Hex(file).equals(streamedMd5), "content of " + file);
            Files.delete(file);
        }
        // every byte of every upload, read back with the client and compared
        Flux.range(0, UPLOADS)
                .flatMap(i -> client.getObjectStream(bucket, "load/" + i, GetObjectOptions.defaults()).flatMap(o -> {
                    MessageDigest md5 = Engines.md5();
                    return o.body().doOnNext(md5::update).then(Mono.fromRunnable(() -> {
                        String actual = HexFormat.of().formatHex(md5.digest());
                        check(actual.equals(uploadedMd5.get("load/" + i)), "content of load/" + i);
                    }));
                }), 4)
                .blockLast(Duration.ofMinutes(4));
    }

    private static String putStreamedObject(ReactiveS3Client client, String bucket) {
        MessageDigest md5 = Engines.md5();
        Flux<ByteBuffer> body = TestData.stream(STREAMED, 7, 1 << 20).doOnNext(b -> md5.update(b.duplicate()));
        client.putObject(bucket, "streamed", UploadBody.ofPublisher(body, STREAMED)).block(Duration.ofMinutes(1));
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
                    check(received.get() == STREAMED, "a stream delivered " + received + " of " + STREAMED + " bytes");
                    return HexFormat.of().formatHex(md5.digest());
                }));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("failed: " + what);
        }
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
