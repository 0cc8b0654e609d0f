package io.reactives3.transfer;

import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The large transfers of {@link DirectMemoryTest}, run in a JVM of its own with {@code -XX:MaxDirectMemorySize=64m}
 * and Netty's leak detector at {@code paranoid}: a 64 MiB file up and down on the Reactor and CRT backends (S3Proxy: CRT downloads only), and a
 * 64 MiB stream up and down, every byte compared by MD5; then a few collections, each followed by small requests
 * (the leak detector reports when it tracks new buffers). Prints {@code LARGE-TRANSFERS OK} or exits non-zero.
 *
 * <p>Arguments: endpoint, region, profile, bucket, a scratch directory; credentials in {@code S3_ACCESS_KEY} /
 * {@code S3_SECRET_KEY}.
 */
final class LargeTransfers {

    static final long SIZE = 64 * TestData.MIB;

    private LargeTransfers() {
    }

    public static void main(String[] args) {
        BlockHound.install();
        try (ReactiveS3Client client = ReactiveS3Client.builder()
                .endpoint(URI.create(args[0]))
                .region(Region.of(args[1]))
                .profile(StoreProfile.valueOf(args[2]))
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"))))
                .build()) {
            run(client, args[3], Path.of(args[4]), StoreProfile.valueOf(args[2]) != StoreProfile.S3PROXY);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** {@code crtUploads}: false for S3Proxy, which rejects the CRT client's multipart uploads (quirk 1). */
    private static void run(ReactiveS3Client client, String bucket, Path dir, boolean crtUploads) throws Exception {
        Path source = TestData.file(dir.resolve("source"), SIZE, 64);
        String expected = TestData.md5Hex(source);
        long started = System.nanoTime();
        for (TransferBackend backend : List.of(TransferBackend.REACTOR, TransferBackend.CRT)) {
            try (S3TransferEngine engine = S3TransferEngine.create(client, TransferSettings.defaults()
                    .withBackend(backend))) {
                String key = crtUploads ? "file-" + backend : "file-" + TransferBackend.REACTOR;
                if (crtUploads || backend == TransferBackend.REACTOR) {
                    engine.uploadFile(source, bucket, key).result().block(Duration.ofMinutes(2));
                }
                Path target = dir.resolve("got-" + backend);
                engine.downloadFile(bucket, key, target).result().block(Duration.ofMinutes(2));
                check(TestData.md5Hex(target).equals(expected), backend + " file round trip");
                Files.delete(target);
            }
        }
        try (S3TransferEngine engine = S3TransferEngine.create(client)) {
            engine.upload(TestData.stream(SIZE, 64, 256 * 1024), bucket, "stream", PutObjectOptions.defaults())
                    .result().block(Duration.ofMinutes(2));
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            engine.downloadStream(bucket, "stream").flatMapMany(stream -> stream.body())
                    .doOnNext(buffer -> md5.update(buffer)).blockLast(Duration.ofMinutes(2));
            check(HexFormat.of().formatHex(md5.digest()).equals(expected), "stream round trip");
        }
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            Flux.range(0, 20).flatMap(n -> client.getObject(bucket, "stream",
                            GetObjectOptions.builder().range(io.reactives3.core.ByteRange.of(0, 1023)).build()), 4)
                    .blockLast(Duration.ofMinutes(1));
        }
        System.out.printf("LARGE-TRANSFERS OK 5 x %d MiB in %d ms%n", SIZE / TestData.MIB,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("failed: " + what);
        }
    }
}
