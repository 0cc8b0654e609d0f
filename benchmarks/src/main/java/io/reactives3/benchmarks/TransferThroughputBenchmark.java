package io.reactives3.benchmarks;

import io.reactives3.core.ChecksumMode;
import io.reactives3.core.HttpTransport;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TestBucket;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Throughput of 1 GiB uploaded and downloaded (file to object, object to file) by the transfer engine's backends
 * and by the SDK's S3TransferManager (on the Java multipart client and on the CRT client), on the same server in
 * the same run: one warm-up round (which also checks every download byte for byte), then
 * {@code bench.rounds} measured rounds; the table gives the median MiB/s and the ratio to the better
 * TransferManager. Servers are the testkit's, on 127.0.0.1, reached directly (no recording proxy).
 *
 * <p>Properties: {@code bench.targets} (default {@code s3proxy,ceph-rgw}), {@code bench.sizeMiB} (1024),
 * {@code bench.rounds} (3), {@code bench.only} (a regular expression that must match a contender's whole name, e.g.
 * {@code .*TransferManager.*}; the first contender always runs: it stores the object for contenders whose upload
 * fails on the store). For Ceph RGW give its memstore room: {@code MEMSTORE_BYTES=12884901888}. Run with
 * {@code scripts/bench-transfer-throughput.sh}. Stops by itself.
 */
public final class TransferThroughputBenchmark {

    private static final long MIB = 1024L * 1024;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private TransferThroughputBenchmark() {
    }

    /** One way of moving the file up and the object down. */
    private record Contender(String name, FileMove upload, ObjectMove download, Runnable closer)
            implements AutoCloseable {

        void upload(Path file, String bucket, String key) throws Exception {
            upload.move(file, bucket, key);
        }

        void download(String bucket, String key, Path file) throws Exception {
            download.move(bucket, key, file);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    private interface FileMove {
        void move(Path file, String bucket, String key) throws Exception;
    }

    private interface ObjectMove {
        void move(String bucket, String key, Path file) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long size = Long.getLong("bench.sizeMiB", 1024) * MIB;
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String> targets = List.of(System.getProperty("bench.targets", "s3proxy,ceph-rgw").split(","));
        Path dir = Files.createTempDirectory("transfer-bench");
        Path source = dir.resolve("source.bin");
        write(source, size);
        StringBuilder report = new StringBuilder();
        try {
            for (String id : targets) {
                report.append(run(StoreKind.fromId(id.trim()), source, size, rounds, dir));
            }
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(dir.resolve("download.bin"));
            Files.deleteIfExists(dir);
        }
        System.out.println();
        System.out.println(report);
        System.exit(0);
    }

    private static String run(StoreKind kind, Path source, long size, int rounds, Path dir) throws Exception {
        Path target = dir.resolve("download.bin");
        try (S3Target server = S3Targets.start(TargetOptions.of(kind).withRecording(false));
             TestBucket bucket = TestBucket.create(server, "throughput")) {
            StoreProfile profile = kind == StoreKind.CEPH_RGW ? StoreProfile.CEPH : StoreProfile.S3PROXY;
            String only = System.getProperty("bench.only", ".*");
            List<Contender> contenders = new ArrayList<>(contenders(server, profile));
            contenders.removeIf(c -> {
                boolean drop = !c.name().matches(only) && contenders.indexOf(c) != 0;
                if (drop) {
                    c.close();
                }
                return drop;
            });
            Map<String, List<Double>> up = new LinkedHashMap<>();
            Map<String, List<Double>> down = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            try {
                for (int round = 0; round <= rounds; round++) {
                    boolean warmUp = round == 0;
                    for (Contender c : contenders) {
                        String key = "bench/" + c.name().replaceAll("[^a-zA-Z0-9]+", "-");
                        measure(c.name(), warmUp, up, failures, "upload", size, () -> c.upload(source, bucket.name(),
                                key));
                        if (failures.containsKey(c.name() + " upload")) {
                            // its upload fails on this store (quirk 1): the first contender stores the object
                            contenders.get(0).upload(source, bucket.name(), key);
                        }
                        {
                            measure(c.name(), warmUp, down, failures, "download", size, () -> {
                                c.download(bucket.name(), key, target);
                                if (Files.size(target) != size || warmUp && Files.mismatch(source, target) != -1) {
                                    throw new IllegalStateException("downloaded bytes differ from the source");
                                }
                            });
                        }
                        Files.deleteIfExists(target);
                        server.fixtureClient().deleteObject(b -> b.bucket(bucket.name()).key(key));
                    }
                }
            } finally {
                contenders.forEach(Contender::close);
            }
            return table(kind, size, rounds, up, down, failures);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void measure(String name, boolean warmUp, Map<String, List<Double>> results,
                                Map<String, String> failures, String direction, long size, Action action) {
        String id = name + " " + direction;
        if (failures.containsKey(id)) {
            return;
        }
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage());
            failures.put(id, cause.getClass().getSimpleName() + ": "
                    + message.substring(0, Math.min(140, message.length())));
            System.out.printf("%-44s %-8s fails: %s%n", name, direction, failures.get(id));
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double mibPerSecond = size / (double) MIB / seconds;
        System.out.printf(Locale.ROOT, "%-44s %-8s %6.2f s %8.1f MiB/s%s%n", name, direction, seconds, mibPerSecond,
                warmUp ? "  (warm-up)" : "");
        if (!warmUp) {
            results.computeIfAbsent(name, n -> new ArrayList<>()).add(mibPerSecond);
        }
    }

    private static List<Contender> contenders(S3Target server, StoreProfile profile) {
        List<Contender> list = new ArrayList<>();
        // what a user gets without settings: a client on Netty, the engine's defaults (AUTO, MD5)
        list.add(engine(server, profile, HttpTransport.NETTY, TransferBackend.AUTO, IntegrityMode.MD5));
        for (HttpTransport http : HttpTransport.values()) {
            for (IntegrityMode integrity : new IntegrityMode[]{IntegrityMode.MD5, IntegrityMode.NONE}) {
                list.add(engine(server, profile, http, TransferBackend.REACTOR, integrity));
            }
        }
        for (IntegrityMode integrity : new IntegrityMode[]{IntegrityMode.MD5, IntegrityMode.NONE}) {
            list.add(engine(server, profile, HttpTransport.NETTY, TransferBackend.CRT, integrity));
        }
        list.add(transferManager(server, profile, false));
        list.add(transferManager(server, profile, true));
        return list;
    }

    private static Contender engine(S3Target server, StoreProfile profile, HttpTransport http,
                                    TransferBackend backend, IntegrityMode integrity) {
        ReactiveS3Client client = ReactiveS3Client.builder().profile(profile).endpoint(server.serverEndpoint())
                .region(server.region()).credentialsProvider(server.credentialsProvider()).pathStyle(true)
                .httpTransport(http).build();
        S3TransferEngine engine = S3TransferEngine.create(client, TransferSettings.defaults().withBackend(backend)
                .withIntegrity(integrity));
        String name = backend == TransferBackend.AUTO ? "engine defaults (AUTO), Netty client, " + integrity
                : "engine " + (backend == TransferBackend.CRT ? "CRT S3 client"
                : "Reactor/" + (http == HttpTransport.NETTY ? "Netty" : "CRT-HTTP")) + ", " + integrity;
        return new Contender(name,
                (file, bucket, key) -> engine.uploadFile(file, bucket, key).result().block(TIMEOUT),
                (bucket, key, file) -> engine.downloadFile(bucket, key, file).result().block(TIMEOUT),
                () -> {
                    engine.close();
                    client.close();
                });
    }

    private static Contender transferManager(S3Target server, StoreProfile profile, boolean crt) {
        boolean whenRequired = profile.checksumMode() == ChecksumMode.WHEN_REQUIRED;
        RequestChecksumCalculation request = whenRequired ? RequestChecksumCalculation.WHEN_REQUIRED
                : RequestChecksumCalculation.WHEN_SUPPORTED;
        ResponseChecksumValidation response = whenRequired ? ResponseChecksumValidation.WHEN_REQUIRED
                : ResponseChecksumValidation.WHEN_SUPPORTED;
        S3AsyncClient s3 = crt
                ? S3AsyncClient.crtBuilder().endpointOverride(server.serverEndpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(request).responseChecksumValidation(response).build()
                : S3AsyncClient.builder().endpointOverride(server.serverEndpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).forcePathStyle(true).multipartEnabled(true)
                .requestChecksumCalculation(request).responseChecksumValidation(response).build();
        S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build();
        String name = "SDK TransferManager, " + (crt ? "CRT client" : "Java multipart/Netty");
        return new Contender(name,
                (file, bucket, key) -> tm.uploadFile(b -> b.source(file)
                        .putObjectRequest(p -> p.bucket(bucket).key(key))).completionFuture().join(),
                (bucket, key, file) -> tm.downloadFile(b -> b.destination(file)
                        .getObjectRequest(g -> g.bucket(bucket).key(key))).completionFuture().join(),
                () -> {
                    tm.close();
                    s3.close();
                });
    }

    private static String table(StoreKind kind, long size, int rounds, Map<String, List<Double>> up,
                                Map<String, List<Double>> down, Map<String, String> failures) {
        double tmUp = best(up, "SDK TransferManager");
        double tmDown = best(down, "SDK TransferManager");
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n%s: %d MiB file, median of %d rounds after a warm-up, MiB/s "
                + "(ratio to the faster TransferManager)%n", kind.id(), size / MIB, rounds));
        t.append(String.format("| %-44s | %-22s | %-22s |%n", "contender", "upload", "download"));
        t.append(String.format("|%s|%s|%s|%n", "-".repeat(46), "-".repeat(24), "-".repeat(24)));
        List<String> names = new ArrayList<>(up.keySet());
        down.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        failures.keySet().stream().map(f -> f.substring(0, f.lastIndexOf(' '))).filter(n -> !names.contains(n))
                .forEach(names::add);
        for (String name : names) {
            t.append(String.format("| %-44s | %-22s | %-22s |%n", name, cell(up.get(name), tmUp,
                    failures.get(name + " upload")), cell(down.get(name), tmDown, failures.get(name + " download"))));
        }
        failures.forEach((what, why) -> t.append("  ").append(what).append(": ").append(why).append('\n'));
        return t.toString();
    }

    private static String cell(List<Double> values, double reference, String failure) {
        if (values == null || values.isEmpty()) {
            return failure != null ? "fails" : "n/a";
        }
        double median = median(values);
        return reference > 0 ? String.format(Locale.ROOT, "%.1f (%.2fx)", median, median / reference)
                : String.format(Locale.ROOT, "%.1f", median);
    }

    private static double best(Map<String, List<Double>> results, String prefix) {
        return results.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> median(e.getValue())).max().orElse(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** {@code size} bytes: random 1 MiB blocks, each stamped with its index (no two blocks alike). */
    private static void write(Path file, long size) throws IOException {
        Random random = new Random(1);
        byte[] block = new byte[(int) MIB];
        random.nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long offset = 0; offset < size; offset += MIB) {
                ByteBuffer.wrap(block).putLong(offset);
                out.write(block, 0, (int) Math.min(MIB, size - offset));
            }
        }
    }
}
