package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DownloadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads check the CRC the store keeps (asked for with {@code x-amz-checksum-mode}) under AUTO and CRC32: a
 * composite CRC part by part, a full-object CRC from the ranges' CRCs combined. S3Proxy keeps the CRC32 an upload
 * sends; Ceph RGW 16.2 and LocalS3 keep none, and AUTO falls back on the ETag there. The proof that the CRC is what is
 * checked: under CRC32 mode, which has no ETag check, a corrupted part is caught and read again.
 */
class StoredChecksumDownloadTest {

    private static final long SIZE = 2 * PART + 5;

    private static ReactiveS3Client noSdkRetries(S3Target target) {
        return TargetClients.newClient(target, b -> b.maxAttempts(1));
    }

    @S3Test
    void auto_asksForTheStoredChecksums_andVerifiesTheDownload(S3Target target, TestBucket bucket,
                                                               @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 21);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR))) {
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            ObjectHead head = TargetClients.client(target).headObject(bucket.name(), "f", o -> o.checksums(true))
                    .block(TIMEOUT);
            assertThat(head).isNotNull();
            if (target.kind() == StoreKind.S3PROXY) {
                // the engine uploaded with CRC32 (AUTO on S3Proxy): the store keeps the composite of the 3 parts
                assertThat(head.checksumCrc32()).matches("[A-Za-z0-9+/]{6}==-3");
                assertThat(head.checksumType()).isEqualTo("COMPOSITE");
            }
            target.requestLog().clear();
            DownloadResult result = engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.contentVerified()).isTrue();
        }
        assertThat(TestData.sameContent(file, dir.resolve("out"))).isTrue();
        assertThat(Engines.requests(target, bucket, "HeadObject")).hasSize(1)
                .allMatch(r -> r.head().header("x-amz-checksum-mode").map("ENABLED"::equals).orElse(false));
    }

    @S3Test(only = StoreKind.S3PROXY)
    void crc32Mode_corruptedPartOfACompositeObject_isCaughtByTheStoredCrc_andReadAgain(S3Target target,
                                                                                       TestBucket bucket,
                                                                                       @TempDir Path dir)
            throws Exception {
        Path file = TestData.file(dir.resolve("f"), SIZE, 22);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = S3TransferEngine.create(client,
                Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.CRC32))) {
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            target.requestLog().clear();
            target.faults().add(Engines.firstPartGet().corruptResponseBody(12345).times(1));
            DownloadResult result = engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.contentVerified()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(Files.readAllBytes(file));
        // the composite digests all parts: everything is read again, and the second read matches
        assertThat(Engines.requests(target, bucket, "GetObject")).hasSize(6);
    }

    @S3Test(only = StoreKind.S3PROXY)
    void crc32Mode_fullObjectCrcReadInRanges_combinesTheRangesCrcs_andCatchesACorruptedRange(S3Target target,
                                                                                             TestBucket bucket,
                                                                                             @TempDir Path dir)
            throws Exception {
        Path file = TestData.file(dir.resolve("f"), SIZE, 23);
        TransferSettings crc32 = Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.CRC32);
        try (ReactiveS3Client client = noSdkRetries(target);
             S3TransferEngine single = S3TransferEngine.create(client, crc32.withMultipartThreshold(64 * MIB));
             S3TransferEngine ranged = S3TransferEngine.create(client, crc32)) {
            single.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            ObjectHead head = client.headObject(bucket.name(), "f", o -> o.checksums(true)).block(TIMEOUT);
            assertThat(head).isNotNull();
            assertThat(head.checksumCrc32()).matches("[A-Za-z0-9+/]{6}==");
            target.requestLog().clear();
            target.faults().add(Engines.firstPartGet().corruptResponseBody(4321).times(1));
            DownloadResult result = ranged.downloadFile(bucket.name(), "f", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.parts()).isEqualTo(3);
            assertThat(result.contentVerified()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(Files.readAllBytes(file));
        assertThat(Engines.requests(target, bucket, "GetObject")).hasSize(6);
    }
}
