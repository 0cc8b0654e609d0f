package io.reactives3.benchmarks;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TestBucket;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A service's load, as one process: {@code bench.uploads} uploads of unknown length and mixed sizes (0 B to 64 MiB)
 * at once, while {@code bench.streams} stream downloads of one 32 MiB object are consumed by slow clients (25 MiB/s
 * each). One contender per JVM (run it with the heap under test, e.g. {@code -Xmx128m}):
 * {@code bench.contender=engine} (the transfer engine, default settings) or {@code sdk-java} / {@code sdk-crt} (the
 * SDK's {@code S3AsyncClient} with multipart on, Java-based or CRT-based: what {@code S3TransferManager} runs on; a
 * body of unknown length is {@code AsyncRequestBody.fromPublisher}, a streamed download
 * {@code AsyncResponseTransformer.toPublisher()}). Prints one line: completed transfers, failures, wall time,
 * throughput, p50/p99 latency of uploads and of streams, and the peak heap used (sampled every 10 ms) or the
 * {@code OutOfMemoryError}. The store is {@code bench.target}: started in this JVM, or {@code external} (the
 * {@code REACTIVE_S3_*} variables; the script runs the server in a JVM of its own, {@link BenchServer}, so that its
 * memory is not counted), with {@code bench.profile} ({@code CEPH} or {@code S3PROXY}). Targets 127.0.0.1; stops by
 * itself. Run with {@code scripts/bench-service-load.sh}.
 */
public final class ServiceLoadBenchmark {

    private static final long MIB = 1024L * 1024;
    private static final long[] SIZES = {0, 1, 4096, 65_536, 512 * 1024, MIB, 2 * MIB, 5 * MIB, 9 * MIB, 17 * MIB};
    private static final long STREAMED = 32 * MIB;

    private ServiceLoadBenchmark() {
    }

    /** What moves the bytes. */
    private interface Contender extends AutoCloseable {
        Mono<Long> upload(String bucket, String key, Flux<ByteBuffer> body);

        Flux<ByteBuffer> stream(String bucket, String key);

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        String contenderName = System.getProperty("bench.contender", "engine");
        StoreKind kind = StoreKind.fromId(System.getProperty("bench.target", "s3proxy"));
        StoreProfile profile = StoreProfile.valueOf(System.getProperty("bench.profile",
                kind == StoreKind.CEPH_RGW ? "CEPH" : "S3PROXY"));
        String label = System.getProperty("bench.label", kind.id());
        int uploads = Integer.getInteger("bench.uploads", 200);
        int streams = Integer.getInteger("bench.streams", 20);
        if (uploads < 0 || streams < 0 || uploads + streams == 0) {
            throw new IllegalArgumentException("bench.uploads and bench.streams must be >= 0, one of them > 0");
        }
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        String line;
        try (S3Target server = S3Targets.start(TargetOptions.of(kind).withRecording(false));
             TestBucket bucket = TestBucket.create(server, "service-load");
             Contender contender = contender(contenderName, server, profile)) {
            ReactiveS3Client fixture = ReactiveS3Client.builder().profile(profile)
                    .endpoint(server.serverEndpoint()).region(server.region())
                    .credentialsProvider(server.credentialsProvider()).build();
            fixture.putObject(bucket.name(), "streamed", UploadBody.ofPublisher(generated(STREAMED, 7), STREAMED))
                    .block(Duration.ofMinutes(2));
            fixture.close();
            System.gc();
            long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakHeap.set(baseline);
            sampler.start();
            List<Long> uploadMillis = Collections.synchronizedList(new ArrayList<>());
            List<Long> streamMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicLong bytes = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            long started = System.nanoTime();
            Mono<Void> up = Flux.range(0, uploads)
                    .flatMap(i -> timed(contender.upload(bucket.name(), "load/" + i, generated(size(i), i)),
                            uploadMillis, bytes, failures, firstFailure), Math.max(1, uploads))
                    .then();
            Mono<Void> down = Flux.range(0, streams)
                    .flatMap(i -> timed(drainSlowly(contender.stream(bucket.name(), "streamed")), streamMillis,
                            bytes, failures, firstFailure), Math.max(1, streams))
                    .then();
            String outcome;
            try {
                Mono.when(up, down).block(Duration.ofMinutes(15));
                outcome = "ok";
            } catch (OutOfMemoryError e) {
                outcome = "OutOfMemoryError";
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            Throwable first = firstFailure.get();
            line = String.format("RESULT target=%s contender=%s xmx=%dMiB outcome=%s uploads=%d/%d streams=%d/%d "
                            + "failures=%d seconds=%.2f MiBps=%.1f upload_p50_ms=%d upload_p99_ms=%d stream_p50_ms=%d "
                            + "stream_p99_ms=%d peak_heap_MiB=%.1f baseline_heap_MiB=%.1f%s",
                    label, contenderName, Runtime.getRuntime().maxMemory() >> 20, outcome, uploadMillis.size(),
                    uploads, streamMillis.size(), streams, failures.get(), seconds, bytes.get() / (double) MIB / seconds,
                    percentile(uploadMillis, 50), percentile(uploadMillis, 99), percentile(streamMillis, 50),
                    percentile(streamMillis, 99), peakHeap.get() / (double) MIB, baseline / (double) MIB,
                    first == null ? "" : " first_failure=" + first.toString().replaceAll("\\s+", "_")
                            .substring(0, Math.min(160, first.toString().length())));
            // printed before the bucket is emptied and the contender closed: their clean-up is not measured
            System.out.println(line);
            System.out.flush();
            line = null;
        } catch (OutOfMemoryError e) {
            line = "RESULT target=" + label + " contender=" + contenderName + " outcome=OutOfMemoryError";
        }
        if (line != null) {
            System.out.println(line);
        }
        System.exit(0);
    }

    private static long size(int i) {
        return i % 40 == 39 ? 64 * MIB : SIZES[i % SIZES.length];
    }

    private static Mono<Long> timed(Mono<Long> transfer, List<Long> millis, AtomicLong bytes, AtomicLong failures,
                                    AtomicReference<Throwable> firstFailure) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return transfer.doOnNext(n -> {
                millis.add((System.nanoTime() - start) / 1_000_000);
                bytes.addAndGet(n);
            }).onErrorResume(e -> {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e);
                return Mono.empty();
            });
        });
    }

    /** One buffer at a time, a 40 ms pause per MiB (25 MiB/s); fails if the body is short. */
    private static Mono<Long> drainSlowly(Flux<ByteBuffer> body) {
        AtomicLong received = new AtomicLong();
        return body.concatMap(buffer -> {
                    long before = received.getAndAdd(buffer.remaining());
                    boolean pause = before >> 20 != received.get() >> 20;
                    return pause ? Mono.delay(Duration.ofMillis(40)).thenReturn(1) : Mono.just(1);
                }, 1)
                .then(Mono.fromCallable(() -> {
                    if (received.get() != STREAMED) {
                        throw new IllegalStateException("stream ended after " + received.get() + " bytes");
                    }
                    return received.get();
                }));
    }

    /** {@code size} pseudo-random bytes in 64 KiB buffers, generated as they are asked for. */
    private static Flux<ByteBuffer> generated(long size, long seed) {
        return Flux.generate(() -> 0L, (offset, sink) -> {
            if (offset >= size) {
                sink.complete();
                return offset;
            }
            int n = (int) Math.min(64 * 1024, size - offset);
            byte[] bytes = new byte[n];
            new SplittableRandom(seed * 31 + offset).nextBytes(bytes);
            sink.next(ByteBuffer.wrap(bytes));
            return offset + n;
        });
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static Contender contender(String name, S3Target server, StoreProfile profile) {
        return switch (name) {
            case "engine" -> engine(server, profile);
            case "sdk-java", "sdk-crt" -> sdk(server, profile, name.equals("sdk-crt"));
            default -> throw new IllegalArgumentException("bench.contender must be engine, sdk-java or sdk-crt");
        };
    }

    private static Contender engine(S3Target server, StoreProfile profile) {
        ReactiveS3Client client = ReactiveS3Client.builder().profile(profile).endpoint(server.serverEndpoint())
                .region(server.region()).credentialsProvider(server.credentialsProvider()).build();
        S3TransferEngine engine = S3TransferEngine.create(client, TransferSettings.defaults());
        return new Contender() {
            @Override
            public Mono<Long> upload(String bucket, String key, Flux<ByteBuffer> body) {
                return engine.upload(body, bucket, key, PutObjectOptions.defaults()).result().map(r -> r.size());
            }

            @Override
            public Flux<ByteBuffer> stream(String bucket, String key) {
                return engine.downloadStream(bucket, key).flatMapMany(s -> s.body());
            }

            @Override
            public void close() {
                engine.close();
                client.close();
            }
        };
    }

    private static Contender sdk(S3Target server, StoreProfile profile, boolean crt) {
        boolean ceph = profile == StoreProfile.CEPH;
        S3AsyncClient s3 = crt
                ? S3AsyncClient.crtBuilder().endpointOverride(server.serverEndpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(ceph ? software.amazon.awssdk.core.checksums.RequestChecksumCalculation
                        .WHEN_REQUIRED : software.amazon.awssdk.core.checksums.RequestChecksumCalculation
                        .WHEN_SUPPORTED)
                .build()
                : S3AsyncClient.builder().endpointOverride(server.serverEndpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).forcePathStyle(true).multipartEnabled(true)
                .requestChecksumCalculation(ceph ? software.amazon.awssdk.core.checksums.RequestChecksumCalculation
                        .WHEN_REQUIRED : software.amazon.awssdk.core.checksums.RequestChecksumCalculation
                        .WHEN_SUPPORTED)
                .build();
        return new Contender() {
            @Override
            public Mono<Long> upload(String bucket, String key, Flux<ByteBuffer> body) {
                AtomicLong sent = new AtomicLong();
                Flux<ByteBuffer> counted = body.doOnNext(b -> sent.addAndGet(b.remaining()));
                return Mono.fromFuture(() -> s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(),
                        AsyncRequestBody.fromPublisher(counted))).map(r -> sent.get());
            }

            @Override
            public Flux<ByteBuffer> stream(String bucket, String key) {
                return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(key),
                                AsyncResponseTransformer.toPublisher()))
                        .flatMapMany(Flux::from);
            }

            @Override
            public void close() {
                s3.close();
            }
        };
    }
}
