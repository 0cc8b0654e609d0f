package io.reactives3.examples;

import io.reactives3.cli.ProgressBar;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferProgress;
import io.reactives3.transfer.model.BatchDeleteResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transfer demo ({@code ./run.sh transfer}): uploads a generated file (256 MiB by default) in parallel parts
 * with a live progress bar, downloads it again, checks both SHA-256 digests, then uploads many small objects (10,000
 * by default, 64 at a time) and deletes them all in DeleteObjects batches, printing the throughput of each step.
 *
 * <p>Options: {@code --size 256MiB}, {@code --objects 10000}, {@code --server s3proxy|local-s3|ceph-rgw|rgw|minio}
 * (default s3proxy), or {@code REACTIVE_S3_ENDPOINT} and its credentials (see the README) for a real endpoint. On a
 * terminal the bar redraws in place; otherwise a plain line is printed every two seconds. Exits with 1 when the
 * digests differ or an object could not be deleted.
 */
public final class TransferDemo {

    /** What the demo measured. */
    record Result(long bytes, double uploadBytesPerSecond, double downloadBytesPerSecond, boolean verified,
                  int objects, double putsPerSecond, long deleted, double deletesPerSecond, int deleteRequests) {
    }

    private static final int SMALL_CONCURRENCY = 64;

    private TransferDemo() {
    }

    public static void main(String[] args) throws IOException {
        long size = 256L << 20;
        int objects = 10_000;
        String server = StoreKind.S3PROXY.id();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--size" -> size = parseSize(required(value, "--size"));
                case "--objects" -> objects = Integer.parseInt(required(value, "--objects"));
                case "--server" -> server = required(value, "--server");
                case "--help" -> {
                    System.out.println("usage: TransferDemo [--size 256MiB] [--objects 10000] [--server s3proxy]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "': try --help");
            }
            i++;
        }
        String kind = server.equals("rgw") ? StoreKind.CEPH_RGW.id() : server;
        S3Target target = System.getenv("REACTIVE_S3_ENDPOINT") != null ? S3Targets.connect(System.getenv())
                : S3Targets.start(StoreKind.fromId(kind));
        Result result;
        try {
            System.out.println("transfer demo on " + target.name() + " at " + target.endpoint());
            result = run(target, size, objects, System.out, ProgressBar.stdoutIsTerminal());
        } finally {
            target.close();
        }
        if (!result.verified() || result.deleted() != objects) {
            System.exit(1);
        }
    }

    /** Runs the demo against {@code target} in a bucket of its own, removed afterwards; prints to {@code out}. */
    static Result run(S3Target target, long size, int objects, PrintStream out, boolean terminal) throws IOException {
        ProgressBar bar = new ProgressBar(out, terminal, Duration.ofSeconds(2));
        Path work = Files.createTempDirectory("reactive-s3-demo");
        Path source = work.resolve("generated.bin");
        Path copy = work.resolve("downloaded.bin");
        String bucket = target.newBucketName("demo");
        try (ReactiveS3Client client = ReactiveS3Client.builder()
                .profile(Tour.profileOf(target))
                .endpoint(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentialsProvider())
                .pathStyle(target.pathStyle())
                .maxConnections(SMALL_CONCURRENCY)
                .build();
             S3TransferEngine engine = S3TransferEngine.create(client)) {
            client.createBucket(bucket).block(Duration.ofMinutes(1));
            try {
                out.printf(Locale.ROOT, "generating %s of random bytes...%n", ProgressBar.bytes(size));
                String written = generate(source, size);

                TransferProgress<UploadResult> upload = show(bar, "upload  ",
                        engine.uploadFile(source, bucket, "big.bin"), false);
                UploadResult up = resultOf(upload);
                double upRate = rate(up.size(), upload.elapsed());
                out.printf(Locale.ROOT, "uploaded %s in %d parts (%s backend): %s/s%n", ProgressBar.bytes(up.size()),
                        up.parts(), up.backend(), ProgressBar.bytes((long) upRate));

                TransferProgress<DownloadResult> download = show(bar, "download",
                        engine.downloadFile(bucket, "big.bin", copy), false);
                DownloadResult down = resultOf(download);
                double downRate = rate(down.size(), download.elapsed());
                String read = sha256(copy);
                boolean verified = read.equals(written);
                out.printf(Locale.ROOT, "downloaded %s in %d ranged GETs: %s/s; SHA-256 %s %s%n",
                        ProgressBar.bytes(down.size()), down.parts(), ProgressBar.bytes((long) downRate),
                        read.substring(0, 16), verified ? "matches the upload" : "DIFFERS from " + written);
                Files.delete(copy);

                double putRate = putSmall(client, bar, bucket, objects);
                out.printf(Locale.ROOT, "put %,d small objects, %d at a time: %,.0f objects/s%n", objects,
                        SMALL_CONCURRENCY, putRate);

                TransferProgress<BatchDeleteResult> deletion = show(bar, "delete  ",
                        engine.deletePrefix(bucket, "small/", false), true);
                BatchDeleteResult deleted = resultOf(deletion);
                double deleteRate = deleted.deleted() / Math.max(1e-9, deletion.elapsed().toNanos() / 1e9);
                out.printf(Locale.ROOT, "deleted %,d objects in %d DeleteObjects requests: %,.0f objects/s%s%n",
                        deleted.deleted(), deleted.requests(), deleteRate,
                        deleted.failed() > 0 ? " (" + deleted.failed() + " FAILED)" : "");
                return new Result(up.size(), upRate, downRate, verified, objects, putRate, deleted.deleted(),
                        deleteRate, deleted.requests());
            } finally {
                engine.deletePrefix(bucket, "", false).result().onErrorResume(e -> Mono.empty())
                        .block(Duration.ofMinutes(2));
                client.deleteBucket(bucket).onErrorResume(e -> Mono.empty()).block(Duration.ofMinutes(1));
            }
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static <R> R resultOf(TransferProgress<R> last) {
        R result = last.result();
        if (result == null) {
            throw new IllegalStateException("the final progress snapshot has no result");
        }
        return result;
    }

    /**
     * Runs {@code transfer} and waits for its final snapshot (with the result), drawing its progress from this
     * thread (printing blocks, so it never happens on the Reactor threads that deliver the snapshots).
     */
    private static <R> TransferProgress<R> show(ProgressBar bar, String label, Transfer<R> transfer,
                                                boolean countObjects) {
        AtomicReference<TransferProgress<R>> latest = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Disposable running = transfer.progress().subscribe(latest::set, e -> {
            error.set(e);
            done.countDown();
        }, done::countDown);
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                draw(bar, label, latest.get(), false, countObjects);
            }
        } catch (InterruptedException e) {
            running.dispose();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (error.get() != null) {
            throw new IllegalStateException(label.trim() + " failed: " + error.get().getMessage(), error.get());
        }
        TransferProgress<R> last = latest.get();
        if (last == null || last.result() == null) {
            throw new IllegalStateException(label.trim() + " ended without a result");
        }
        draw(bar, label, last, true, countObjects);
        return last;
    }

    private static void draw(ProgressBar bar, String label, TransferProgress<?> p, boolean last,
                             boolean countObjects) {
        if (p == null) {
            return;
        }
        if (countObjects) { // a batch job moves no bytes
            if (last) {
                bar.finishCount(label, p.itemsCompleted(), p.itemsTotal(), p.elapsed(), "objects");
            } else {
                bar.updateCount(label, p.itemsCompleted(), p.itemsTotal(), p.elapsed(), "objects");
            }
            return;
        }
        String detail = p.partsCompleted() + (p.partsTotal() == null ? "" : "/" + p.partsTotal()) + " parts";
        if (last) {
            bar.finish(label, p.bytesTransferred(), p.totalBytes(), p.elapsed(), detail);
        } else {
            bar.update(label, p.bytesTransferred(), p.totalBytes(), p.elapsed(), detail);
        }
    }

    /** Puts {@code count} small objects, {@link #SMALL_CONCURRENCY} at a time; returns objects per second. */
    private static double putSmall(ReactiveS3Client client, ProgressBar bar, String bucket, int count) {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Flux.range(0, count)
                .flatMap(i -> client.putObject(bucket, String.format(Locale.ROOT, "small/%05d.txt", i),
                        UploadBody.ofString("object " + i)), SMALL_CONCURRENCY)
                .doOnNext(r -> done.incrementAndGet())
                .subscribe(r -> { }, e -> {
                    error.set(e);
                    finished.countDown();
                }, finished::countDown);
        try {
            while (!finished.await(100, TimeUnit.MILLISECONDS)) {
                bar.updateCount("put     ", done.get(), (long) count, Duration.ofNanos(System.nanoTime() - start),
                        "objects");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (error.get() != null) {
            throw new IllegalStateException("put failed: " + error.get().getMessage(), error.get());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        bar.finishCount("put     ", done.get(), (long) count, elapsed, "objects");
        return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** Writes {@code size} random bytes to {@code file}; returns their SHA-256 (hex). */
    private static String generate(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, left);
                digest.update(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }

    private static double rate(long bytes, Duration elapsed) {
        return bytes / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** {@code 256MiB}, {@code 1GiB}, {@code 64M}, or bytes. */
    static long parseSize(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }
}
