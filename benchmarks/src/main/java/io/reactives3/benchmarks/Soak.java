package io.reactives3.benchmarks;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.UploadBody;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The soak run of {@code scripts/soak.sh} (issue 15): {@code workers} concurrent loops of mixed operations for a
 * bounded number of minutes against one store: PutObject, GetObject (bytes compared), ListObjectsV2, DeleteObject,
 * and every tenth step a multipart upload of 11 MiB through the transfer engine read back as a stream (MD5
 * compared). Every 10 s it samples the live heap after a full collection, the live thread count and the open file
 * descriptors ({@code /proc/self/fd}), and prints a {@code SAMPLE} line; at the end one {@code SOAK} line with the
 * operation and error counts and the first, last, lowest and highest of each sample. Client-side errors (a failed
 * operation, wrong bytes) are counted, the first few printed; the exit status is 1 when there was any.
 *
 * <p>Arguments: endpoint, region, profile ({@code S3PROXY}, {@code CEPH}, ...), minutes, workers; credentials in
 * {@code S3_ACCESS_KEY} / {@code S3_SECRET_KEY}.
 */
public final class Soak {

    private static final long MIB = 1024 * 1024;
    private static final int SMALL = 64 * 1024;
    private static final long MULTIPART = 11 * MIB;
    private static final int CHUNK = 256 * 1024;

    private final ReactiveS3Client client;
    private final S3TransferEngine engine;
    private final String bucket;
    private final Map<String, AtomicLong> ops = new ConcurrentHashMap<>();
    /** Operations started and not yet ended, per kind (the multipart step in its upload and read-back phases). */
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Map<Byte, ByteBuffer> chunks = new ConcurrentHashMap<>();
    private final Map<Byte, byte[]> md5s = new ConcurrentHashMap<>();

    private Soak(ReactiveS3Client client, S3TransferEngine engine, String bucket) {
        this.client = client;
        this.engine = engine;
        this.bucket = bucket;
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        String bucket = "soak-" + Long.toString(System.currentTimeMillis(), 36);
        int exit;
        try (ReactiveS3Client client = ReactiveS3Client.builder()
                .endpoint(URI.create(args[0]))
                .region(Region.of(args[1]))
                .profile(StoreProfile.valueOf(args[2]))
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"))))
                .build();
             S3TransferEngine engine = S3TransferEngine.create(client, TransferSettings.defaults()
                     .withPartSize(5 * MIB).withMultipartThreshold(6 * MIB))) {
            client.createBucket(bucket).block(Duration.ofMinutes(1));
            exit = new Soak(client, engine, bucket).run(Duration.ofMinutes(minutes), workers);
            engine.deletePrefix(bucket, "", false).result().block(Duration.ofMinutes(5));
            client.deleteBucket(bucket).block(Duration.ofMinutes(1));
        }
        System.exit(exit);
    }

    private int run(Duration length, int workers) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        List<long[]> samples = new ArrayList<>(); // heap MiB, threads, fds
        Thread sampler = new Thread(() -> {
            try {
                while (System.nanoTime() < deadline) {
                    long[] sample = sample();
                    synchronized (samples) {
                        samples.add(sample);
                    }
                    System.out.printf("SAMPLE t=%ds heap=%dMiB threads=%d fds=%d ops=%d errors=%d in-flight=%s%n",
                            samples.size() * 10 - 10, sample[0], sample[1], sample[2], total(), errors.get(),
                            busy());
                    Thread.sleep(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // bounded: operations still running a grace period after the deadline (longer than the client's read
        // timeout times its attempts) are reported as stuck, by kind, and counted as errors
        Duration grace = Duration.ofSeconds(Long.getLong("soak.grace.seconds", 150));
        try {
            Flux.range(0, workers)
                    .flatMap(worker -> Flux.range(0, Integer.MAX_VALUE)
                            .concatMap(step -> step(worker, step), 1)
                            .takeWhile(done -> System.nanoTime() < deadline)
                            .then(), workers)
                    .then()
                    .block(length.plus(grace));
        } catch (IllegalStateException timedOut) {
            long stuck = inFlight.values().stream().mapToLong(AtomicLong::get).sum();
            errors.addAndGet(stuck);
            System.out.println("STUCK " + stuck + " operations still running " + grace.toSeconds()
                    + " s after the deadline: " + busy());
        }
        sampler.join(15_000);
        long[] last = sample();
        samples.add(last);
        System.out.printf("SOAK %d workers, %d s: %d operations %s, client-side errors %d; heap after GC %s MiB; "
                        + "threads %s; open fds %s%n", workers, length.toSeconds(), total(), new java.util.TreeMap<>(ops),
                errors.get(), range(samples, 0), range(samples, 1), range(samples, 2));
        return errors.get() == 0 ? 0 : 1;
    }

    /** One step of a worker: put, get, list, delete in turn; a multipart upload and stream read every tenth step. */
    private Mono<Boolean> step(int worker, int step) {
        String key = "w" + worker + "/k" + (step % 4);
        Mono<?> op = switch (step % 10 == 9 ? 4 : step % 4) {
            case 0 -> count("put", client.putObject(bucket, key, UploadBody.ofBytes(content(worker, step))));
            case 1 -> count("get", client.getObject(bucket, "w" + worker + "/k0").doOnNext(c -> {
                if (c.content().length != SMALL) {
                    throw new IllegalStateException("GetObject " + c.head().key() + ": " + c.content().length
                            + " bytes, expected " + SMALL);
                }
            }));
            case 2 -> count("list", client.listObjects(bucket, o -> o.prefix("w" + worker + "/")).collectList());
            case 3 -> count("delete", client.deleteObject(bucket, "w" + worker + "/k2"));
            default -> count("multipart", multipart(worker, step));
        };
        return op.then(Mono.just(true)).onErrorResume(e -> {
            if (errors.incrementAndGet() <= 10) {
                System.out.println("ERROR worker " + worker + " step " + step + ": " + e);
            }
            return Mono.just(true);
        });
    }

    private Mono<Void> multipart(int worker, int step) {
        String key = "w" + worker + "/big";
        byte seed = (byte) worker;
        ByteBuffer chunk = chunk(seed);
        int chunks = (int) (MULTIPART / CHUNK);
        return tracked("multipart-upload", engine.upload(Flux.range(0, chunks).map(i -> chunk.duplicate()), bucket,
                        key, PutObjectOptions.defaults()).result())
                .then(tracked("multipart-read", engine.downloadStream(bucket, key)
                        .flatMap(stream -> Flux.from(stream.body()).reduce(md5(), (md5, buffer) -> {
                            md5.update(buffer);
                            return md5;
                        }))))
                .flatMap(md5 -> Arrays.equals(md5.digest(), expectedMd5(seed)) ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("stream of " + key + ": wrong bytes")));
    }

    /** A read-only chunk of {@code seed} bytes, shared by every upload of that seed (sources must not allocate). */
    private ByteBuffer chunk(byte seed) {
        return chunks.computeIfAbsent(seed, s -> {
            byte[] bytes = new byte[CHUNK];
            Arrays.fill(bytes, s);
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        });
    }

    private byte[] expectedMd5(byte seed) {
        return md5s.computeIfAbsent(seed, s -> {
            MessageDigest md5 = md5();
            for (int i = 0; i < MULTIPART / CHUNK; i++) {
                md5.update(chunk(s).duplicate());
            }
            return md5.digest();
        });
    }

    private Mono<?> count(String name, Mono<?> op) {
        return tracked(name, op).doOnSuccess(v -> ops.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet());
    }

    /** {@code op}, counted in {@link #inFlight} under {@code name} from subscription to its end. */
    private <T> Mono<T> tracked(String name, Mono<T> op) {
        AtomicLong running = inFlight.computeIfAbsent(name, n -> new AtomicLong());
        return op.doOnSubscribe(s -> running.incrementAndGet()).doFinally(signal -> running.decrementAndGet());
    }

    private Map<String, Long> busy() {
        Map<String, Long> busy = new java.util.TreeMap<>();
        inFlight.forEach((name, n) -> {
            if (n.get() > 0) {
                busy.put(name, n.get());
            }
        });
        return busy;
    }

    private long total() {
        return ops.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static byte[] content(int worker, int step) {
        byte[] bytes = new byte[SMALL];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] sample() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.count();
        } catch (IOException e) {
            fds = -1;
        }
        return new long[]{heap, threads, fds};
    }

    /** "first -> last (min..max)" of column {@code i}. */
    private static String range(List<long[]> samples, int i) {
        long min = samples.stream().mapToLong(s -> s[i]).min().orElse(0);
        long max = samples.stream().mapToLong(s -> s[i]).max().orElse(0);
        return samples.get(0)[i] + " -> " + samples.get(samples.size() - 1)[i] + " (" + min + ".." + max + ")";
    }
}
