package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.TargetClients;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Path;
import java.util.List;
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
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.AUTO))) {
            TransferBackend expected = switch (target.kind()) {
                case S3PROXY, LOCAL_S3 -> TransferBackend.REACTOR; // S3PROXY and GENERIC profiles: quirk 1
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
}
