package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.ThrottledException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * Retries per part: 5xx, SlowDown, connection resets, truncated and corrupted bodies. The clients here retry nothing
 * themselves ({@code maxAttempts(1)}) so what is measured is the engine's retry, except where SDK retries are on.
 */
class FaultsTest {

    private static final long SIZE = 4 * PART + 1;

    private static ReactiveS3Client noSdkRetries(S3Target target) {
        return TargetClients.newClient(target, b -> b.maxAttempts(1));
    }

    private static S3TransferEngine engine(ReactiveS3Client client) {
        return S3TransferEngine.create(client, Engines.settings(TransferBackend.REACTOR));
    }

    @S3Test
    void uploadFile_slowDownTwice_retriesOnlyTheFailedPartsWithoutResendingCompletedOnes(S3Target target,
                                                                                         TestBucket bucket,
                                                                                         @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 1);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Fault.onOperation("UploadPart").respond(503, "SlowDown").times(2));
            UploadResult result = engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.parts()).isEqualTo(5);
        }
        Map<Integer, List<Integer>> statuses = Engines.partStatuses(Engines.requests(target, bucket, "UploadPart"));
        assertThat(statuses).hasSize(5);
        // every part succeeded exactly once; the two refused attempts were retried, nothing else was sent again
        assertThat(statuses.values()).allMatch(s -> s.stream().filter(code -> code == 200).count() == 1);
        assertThat(statuses.values().stream().mapToInt(List::size).sum()).isEqualTo(7);
        assertThat(statuses.values().stream().flatMap(List::stream).filter(code -> code == 503)).hasSize(2);
        assertThat(bucket.get("f")).isEqualTo(TestData.bytes(SIZE, 1));
    }

    @S3Test
    void uploadFile_slowDownWithSdkRetriesOn_stillSendsEachPartOnceSuccessfully(S3Target target, TestBucket bucket,
                                                                                @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 2);
        try (S3TransferEngine engine = engine(TargetClients.client(target))) {
            target.faults().add(Fault.onOperation("UploadPart").respond(503, "SlowDown").times(3));
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
        }
        Map<Integer, List<Integer>> statuses = Engines.partStatuses(Engines.requests(target, bucket, "UploadPart"));
        assertThat(statuses.values()).allMatch(s -> s.stream().filter(code -> code == 200).count() == 1);
        assertThat(statuses.values().stream().mapToInt(List::size).sum()).isEqualTo(5 + 3);
        assertThat(bucket.get("f")).isEqualTo(TestData.bytes(SIZE, 2));
    }

    @S3Test
    void uploadFile_connectionResets_retriedPerPart(S3Target target, TestBucket bucket, @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 3);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Fault.onOperation("UploadPart").resetConnection().times(2));
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
        }
        Map<Integer, List<Integer>> statuses = Engines.partStatuses(Engines.requests(target, bucket, "UploadPart"));
        assertThat(statuses.values()).allMatch(s -> s.stream().filter(code -> code == 200).count() == 1);
        assertThat(bucket.get("f")).isEqualTo(TestData.bytes(SIZE, 3));
    }

    @S3Test
    void uploadFile_storeKeepsFailing_failsAfterTheAttemptsAndAbortsTheUpload(S3Target target, TestBucket bucket,
                                                                             @TempDir Path dir) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 4);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = S3TransferEngine.create(client,
                Engines.settings(TransferBackend.REACTOR).withMaxPartAttempts(2))) {
            target.faults().add(Fault.onOperation("UploadPart").respond(503, "SlowDown"));
            StepVerifier.create(engine.uploadFile(file, bucket.name(), "f").result())
                    .expectError(ThrottledException.class)
                    .verify(TIMEOUT);
        }
        target.faults().clear();
        assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        assertThat(Engines.requests(target, bucket, "AbortMultipartUpload")).hasSize(1);
        assertThat(Engines.requests(target, bucket, "CompleteMultipartUpload")).isEmpty();
    }

    @S3Test
    void downloadFile_truncatedPart_retriesThatPartAndWritesExactBytes(S3Target target, TestBucket bucket,
                                                                       @TempDir Path dir) throws Exception {
        byte[] content = TestData.bytes(SIZE, 5);
        bucket.put("f", content);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Engines.firstPartGet().truncateResponseBody(1000).times(1));
            DownloadResult result = engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(content);
        // five ranges, one of them twice
        List<RecordedRequest> gets = Engines.requests(target, bucket, "GetObject");
        assertThat(gets).hasSize(6);
        assertThat(gets.stream().map(r -> r.head().header("range").orElseThrow()).distinct()).hasSize(5);
    }

    @S3Test
    void downloadFile_corruptedMultipartObjectPart_detectedByTheETagAndReadAgain(S3Target target, TestBucket bucket,
                                                                                @TempDir Path dir) throws Exception {
        byte[] content = TestData.bytes(SIZE, 6);
        Path source = Files.write(dir.resolve("source"), content);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            engine.uploadFile(source, bucket.name(), "f").result().block(TIMEOUT);
            target.requestLog().clear();
            target.faults().add(Engines.firstPartGet().corruptResponseBody(12345).times(1));
            DownloadResult result = engine.downloadFile(bucket.name(), "f", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.contentVerified()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(content);
        // the mismatch cannot be pinned on one part (the ETag digests them all): everything is read again
        assertThat(Engines.requests(target, bucket, "GetObject")).hasSize(10);
    }

    @S3Test
    void downloadFile_corruptedSingleRequestObject_detectedByItsMd5AndReadAgain(S3Target target, TestBucket bucket,
                                                                               @TempDir Path dir) throws Exception {
        byte[] content = TestData.bytes(MIB, 7);
        bucket.put("small", content);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Fault.onOperation("GetObject").corruptResponseBody(12345).times(1));
            engine.downloadFile(bucket.name(), "small", dir.resolve("out")).result().block(TIMEOUT);
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(content);
        assertThat(Engines.requests(target, bucket, "GetObject")).hasSize(2);
    }

    @S3Test
    void downloadFile_corruptedPartWithoutIntegrityChecks_goesUnnoticed(S3Target target, TestBucket bucket,
                                                                       @TempDir Path dir) throws Exception {
        // the control experiment: without MD5 the same corruption is not caught (what IntegrityMode.NONE means)
        byte[] content = TestData.bytes(MIB, 8);
        bucket.put("small", content);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = S3TransferEngine.create(client,
                Engines.settings(TransferBackend.REACTOR).withIntegrity(IntegrityMode.NONE))) {
            target.faults().add(Fault.onOperation("GetObject").corruptResponseBody(12345).times(1));
            DownloadResult result = engine.downloadFile(bucket.name(), "small", dir.resolve("out")).result()
                    .block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.contentVerified()).isFalse();
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isNotEqualTo(content);
    }

    @S3Test
    void downloadFile_corruptedOnEveryRead_failsWithDataIntegrityAndWritesNothing(S3Target target, TestBucket bucket,
                                                                                  @TempDir Path dir) {
        bucket.put("small", TestData.bytes(MIB, 9));
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            // a different byte each read: two reads that differ and match nothing
            target.faults().add(Fault.onOperation("GetObject").corruptResponseBody(100).times(1));
            target.faults().add(Fault.onOperation("GetObject").corruptResponseBody(200).times(1));
            StepVerifier.create(engine.downloadFile(bucket.name(), "small", dir.resolve("out")).result())
                    .expectError(DataIntegrityException.class)
                    .verify(TIMEOUT);
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @S3Test
    void downloadStream_truncatedPart_retriedAndDeliveredWhole(S3Target target, TestBucket bucket) {
        byte[] content = TestData.bytes(SIZE, 10);
        bucket.put("f", content);
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Engines.firstPartGet().truncateResponseBody(1000).times(1));
            byte[] digest = engine.downloadStream(bucket.name(), "f")
                    .flatMap(s -> s.body().reduce(Engines.md5(), (md5, b) -> {
                        md5.update(b);
                        return md5;
                    }).map(MessageDigest::digest)).block(TIMEOUT);
            assertThat(digest).isEqualTo(Engines.md5().digest(content));
        }
    }

    @S3Test
    void downloadStream_corruptedPart_failsAtTheEndInsteadOfCompleting(S3Target target, TestBucket bucket) {
        bucket.put("small", TestData.bytes(MIB, 11));
        try (ReactiveS3Client client = noSdkRetries(target); S3TransferEngine engine = engine(client)) {
            target.faults().add(Fault.onOperation("GetObject").corruptResponseBody(12345).times(1));
            StepVerifier.create(engine.downloadStream(bucket.name(), "small").flatMapMany(s -> s.body()))
                    .thenConsumeWhile(b -> true)
                    .expectError(DataIntegrityException.class)
                    .verify(TIMEOUT);
        }
    }
}
