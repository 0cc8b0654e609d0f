package io.reactives3.benchmarks;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.transfer.S3TransferEngine;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * One large object streamed through a slow consumer, in a JVM of its own (run it with the heap under test, e.g.
 * {@code -Xmx128m}): {@code engine} ({@code downloadStream} with the defaults) or {@code sdk} (the raw
 * {@code S3AsyncClient}'s {@code AsyncResponseTransformer.toPublisher()}). The consumer takes at most
 * {@code <MiB/s>} (it sleeps after each buffer to keep to that rate). Arguments:
 * {@code <engine|sdk> <endpoint> <region> <accessKey> <secretKey> <profile> <bucket> <key> <MiB/s>}. Prints one line
 * {@code RESULT bytes=.. seconds=.. peak_heap_MiB=.. rss_hwm_MiB=..}: the largest heap in use sampled every 10 ms
 * (garbage included) and the process's resident-set high-water mark ({@code VmHWM} in /proc/self/status), or
 * {@code RESULT outcome=<error>}.
 */
public final class StreamMemory {

    private static final double MIB = 1024.0 * 1024;

    private StreamMemory() {
    }

    public static void main(String[] args) throws Exception {
        ReactiveS3Client client = ReactiveS3Client.builder().profile(StoreProfile.valueOf(args[5]))
                .endpoint(URI.create(args[1])).region(software.amazon.awssdk.regions.Region.of(args[2]))
                .credentials(args[3], args[4]).pathStyle(true).build();
        double rate = Double.parseDouble(args[8]) * MIB / 1e9; // bytes per nanosecond
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (true) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        S3TransferEngine engine = S3TransferEngine.create(client);
        long start = System.nanoTime();
        Flux<ByteBuffer> body = args[0].equals("engine")
                ? engine.downloadStream(args[6], args[7]).flatMapMany(s -> s.body())
                : Mono.fromFuture(() -> client.sdkClient().getObject(b -> b.bucket(args[6]).key(args[7]),
                        AsyncResponseTransformer.<software.amazon.awssdk.services.s3.model.GetObjectResponse>
                                toPublisher()))
                .flatMapMany(r -> Flux.from((SdkPublisher<ByteBuffer>) r));
        AtomicLong bytes = new AtomicLong();
        String outcome = "ok";
        try {
            // the slow consumer runs on a thread of its own (never sleeps on an event loop): one buffer at a time
            for (ByteBuffer b : body.toIterable(1)) {
                long total = bytes.addAndGet(b.remaining());
                long due = start + (long) (total / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (Throwable e) {
            outcome = e.getClass().getSimpleName();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        System.out.printf(Locale.ROOT, "RESULT outcome=%s bytes=%d seconds=%.2f peak_heap_MiB=%.1f rss_hwm_MiB=%.1f%n",
                outcome, bytes.get(), seconds, peak.get() / MIB, hwm / MIB);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
