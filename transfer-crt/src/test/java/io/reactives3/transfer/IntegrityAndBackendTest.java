package io.reactives3.transfer;

import io.reactives3.core.spi.ClientVariants;
import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.HttpTransport;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/** What each integrity mode sends, per store; which backend AUTO picks, per store. */
class IntegrityAndBackendTest {

    @S3Test
    void crc32Mode_everyPartCarriesItsChecksum_andRoundTrips(S3Target target, TestBucket bucket, @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), 2 * PART + 9, 1);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.CRC32))) {
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            engine.upload(TestData.stream(100, 2, 7), bucket.name(), "s", PutObjectOptions.defaults()).result()
                    .block(TIMEOUT);
            engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result().block(TIMEOUT);
        }
        List<RecordedRequest> parts = Engines.requests(target, bucket, "UploadPart");
        assertThat(parts).hasSize(3).allMatch(r -> r.head().header("x-amz-checksum-crc32").isPresent()
                && r.head().header("content-md5").isEmpty());
        assertThat(Engines.requests(target, bucket, "PutObject"))
                .allMatch(r -> r.head().header("x-amz-checksum-crc32").isPresent());
        if (target.kind() == StoreKind.S3PROXY) {
            // S3Proxy verifies and confirms the checksums: the upload was created for them
            assertThat(Engines.requests(target, bucket, "CreateMultipartUpload"))
                    .allMatch(r -> r.head().header("x-amz-checksum-algorithm").map("CRC32"::equals).orElse(false));
        }
        assertThat(TestData.sameContent(file, dir.resolve("out"))).isTrue();
        assertThat(bucket.get("s")).isEqualTo(TestData.bytes(100, 2));
    }

    @S3Test
    void autoMode_sendsTheChecksumTheStoreVerifies(S3Target target, TestBucket bucket, @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), 2 * PART + 5, 8);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR))) {
            assertThat(engine.settings().integrity()).isEqualTo(IntegrityMode.AUTO);
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            boolean crc32 = target.kind() == StoreKind.S3PROXY; // the S3PROXY profile; LocalS3 is GENERIC, RGW CEPH
            assertThat(Engines.requests(target, bucket, "UploadPart")).hasSize(3).allMatch(r -> crc32
                    ? r.head().header("x-amz-checksum-crc32").isPresent() && r.head().header("content-md5").isEmpty()
                    : r.head().header("content-md5").isPresent()
                    && r.head().header("x-amz-checksum-crc32").isEmpty());
            engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result().block(TIMEOUT);
            assertThat(TestData.sameContent(file, dir.resolve("out"))).isTrue();
        }
    }

    @S3Test
    void noneMode_sendsNoChecksums(S3Target target, TestBucket bucket, @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), 2 * PART, 3);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.NONE))) {
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
        }
        assertThat(Engines.requests(target, bucket, "UploadPart")).hasSize(2)
                .allMatch(r -> r.head().header("content-md5").isEmpty()
                        && r.head().header("x-amz-checksum-crc32").isEmpty());
        assertThat(bucket.get("f")).isEqualTo(TestData.bytes(2 * PART, 3));
    }

    @S3Test
    void auto_uploadsThroughTheCrtClientWhereTheProfileAllowsItDownloadsThroughReactor(S3Target target,
                                                                                      TestBucket bucket,
                                                                                      @TempDir Path dir) {
        // the CRT S3 client accepts no native memory limit below 1 GiB: with a smaller budget AUTO never picks it
        try (S3TransferEngine small = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.AUTO).withMemoryBudget(MemoryBudget.ofBytes(512 * MIB)))) {
            assertThat(small.uploadBackend()).isEqualTo(TransferBackend.REACTOR);
        }
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.AUTO).withMemoryBudget(MemoryBudget.ofBytes(1024 * MIB)))) {
            TransferBackend expected = switch (target.kind()) {
                case S3PROXY, LOCAL_S3, S3MOCK -> TransferBackend.REACTOR; // S3PROXY and GENERIC profiles: quirk 1
                default -> TransferBackend.CRT;
            };
            assertThat(engine.uploadBackend()).isEqualTo(expected);
            assertThat(engine.downloadBackend()).isEqualTo(TransferBackend.REACTOR);
            Path file = TestData.file(dir.resolve("f"), 2 * PART, 4);
            assertThat(engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT).backend())
                    .isEqualTo(expected);
            assertThat(engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result().block(TIMEOUT).backend())
                    .isEqualTo(TransferBackend.REACTOR);
            assertThat(TestData.sameContent(file, dir.resolve("out"))).isTrue();
        }
    }

    @S3Test
    void auto_rangedGetsGoOverTheCrtHttpClient_reactorBackendAndWrappedClientsKeepTheirOwn(S3Target target,
                                                                                          TestBucket bucket,
                                                                                          @TempDir Path dir) {
        byte[] content = TestData.bytes(2 * PART, 5);
        bucket.put("f", content);
        ReactiveS3Client netty = TargetClients.client(target);
        assertThat(netty.settings().httpTransport()).isEqualTo(HttpTransport.NETTY);
        assertThat(rangedGetHttpClients(target, bucket, netty, TransferBackend.AUTO, dir.resolve("auto")))
                .containsExactly("AwsCommonRuntime");
        assertThat(rangedGetHttpClients(target, bucket, netty, TransferBackend.REACTOR, dir.resolve("reactor")))
                .containsExactly("NettyNio");
        try (ReactiveS3Client wrapped = ReactiveS3Client.create(netty.sdkClient(), netty.settings().profile())) {
            assertThat(ClientVariants.overHttpTransport(wrapped, HttpTransport.CRT)).isEmpty();
            assertThat(rangedGetHttpClients(target, bucket, wrapped, TransferBackend.AUTO, dir.resolve("wrapped")))
                    .containsExactly("NettyNio");
        }
        for (String copy : List.of("auto", "reactor", "wrapped")) {
            assertThat(dir.resolve(copy)).hasBinaryContent(content);
        }
    }

    /** Downloads {@code f} with a fresh engine; the HTTP clients named in its GetObject requests' User-Agent. */
    private static Set<String> rangedGetHttpClients(S3Target target, TestBucket bucket, ReactiveS3Client client,
                                                   TransferBackend backend, Path destination) {
        target.requestLog().clear();
        try (S3TransferEngine engine = S3TransferEngine.create(client, Engines.settings(backend))) {
            engine.downloadFile(bucket.name(), "f", destination).result().block(TIMEOUT);
        }
        List<RecordedRequest> gets = Engines.requests(target, bucket, "GetObject");
        assertThat(gets).hasSizeGreaterThanOrEqualTo(2);
        return gets.stream().map(r -> r.head().header("user-agent").orElse(""))
                .map(agent -> agent.contains("AwsCommonRuntime") ? "AwsCommonRuntime"
                        : agent.contains("NettyNio") ? "NettyNio" : agent)
                .collect(Collectors.toSet());
    }
}
