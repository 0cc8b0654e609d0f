package io.reactives3.transfer;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.THRESHOLD;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** File uploads and downloads on both backends: sizes, ETags, If-Match, atomicity, progress. */
class FileTransfersTest {

    /** 0, 1, threshold -1/0/+1, exact multiples of the part size, 100 MiB. */
    static final long[] SIZES = {0, 1, THRESHOLD - 1, THRESHOLD, THRESHOLD + 1, 2 * PART, 3 * PART, 100 * MIB};

    @TempDir
    static Path files;
    private static final Map<Long, Path> SOURCES = new ConcurrentHashMap<>();

    static Path source(long size) {
        return SOURCES.computeIfAbsent(size, s -> TestData.file(files.resolve("src-" + s), s, s + 11));
    }

    @S3Test
    void uploadFileAndDownloadFile_everySize_byteExactWithCheckedETags(S3Target target, TestBucket bucket,
                                                                       @TempDir Path out) throws IOException {
        roundTrip(target, bucket, out, TransferBackend.REACTOR);
    }

    @S3Test(only = {StoreKind.LOCAL_S3, StoreKind.CEPH_RGW})
    void crtBackend_everySize_byteExactThroughTheCrtClientsMultipart(S3Target target, TestBucket bucket,
                                                                     @TempDir Path out) throws IOException {
        roundTrip(target, bucket, out, TransferBackend.CRT);
    }

    @S3Test
    void uploadFile_slowStore_keepsConcurrencyPartsInFlightAndNoMore(S3Target target, TestBucket bucket,
                                                                    @TempDir Path dir) {
        // every part answered 600 ms late: with 4 in flight the 8 parts go in two waves of 4
        Path file = TestData.file(dir.resolve("f"), 8 * PART, 21);
        target.faults().add(Fault.onOperation("UploadPart").delayResponse(Duration.ofMillis(600)).times(8));
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR).withConcurrency(4))) {
            engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT);
        }
        List<java.time.Instant> starts = Engines.requests(target, bucket, "UploadPart").stream()
                .map(RecordedRequest::startedAt).sorted().toList();
        assertThat(starts).hasSize(8);
        // the first 4 parts were sent together, without waiting for an answer ...
        assertThat(Duration.between(starts.get(0), starts.get(3))).isLessThan(Duration.ofMillis(450));
        // ... and the 5th only once one of them was answered
        assertThat(Duration.between(starts.get(0), starts.get(4))).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        assertThat(bucket.get("f")).isEqualTo(TestData.bytes(8 * PART, 21));
    }

    private static void roundTrip(S3Target target, TestBucket bucket, Path out, TransferBackend backend)
            throws IOException {
        try (S3TransferEngine engine = Engines.engine(target, backend)) {
            assertThat(engine.uploadBackend()).isEqualTo(backend);
            assertThat(engine.downloadBackend()).isEqualTo(backend);
            for (long size : SIZES) {
                String key = "dir/object-" + size;
                Path source = source(size);
                byte[] content = Files.readAllBytes(source);
                target.requestLog().clear();

                UploadResult up = engine.uploadFile(source, bucket.name(), key).result().block(TIMEOUT);

                boolean multipart = size >= THRESHOLD;
                int parts = multipart ? (int) ((size + PART - 1) / PART) : 1;
                assertThat(up).isNotNull();
                assertThat(up.size()).as("size %d", size).isEqualTo(size);
                assertThat(up.parts()).as("parts of %d", size).isEqualTo(parts);
                assertThat(up.backend()).isEqualTo(backend);
                assertThat(up.eTag()).as("ETag of %d", size).isEqualTo(multipart && target.kind() != StoreKind.LOCAL_S3
                        ? Engines.multipartETag(content, PART) : Engines.md5Hex(content));
                List<RecordedRequest> uploadParts = Engines.requests(target, bucket, "UploadPart");
                assertThat(uploadParts).as("UploadParts of %d", size).hasSize(multipart ? parts : 0);
                assertThat(Engines.requests(target, bucket, "PutObject")).hasSize(multipart ? 0 : 1);
                if (backend == TransferBackend.REACTOR) {
                    // IntegrityMode.AUTO: the checksum the store verifies (S3Proxy: CRC32; RGW, LocalS3: MD5)
                    String checksum = target.kind() == StoreKind.S3PROXY ? "x-amz-checksum-crc32" : "content-md5";
                    assertThat(uploadParts).allMatch(r -> r.head().header(checksum).isPresent());
                } else {
                    // the CRT client made the parts itself (its user agent), not the engine's orchestration
                    assertThat(uploadParts).allMatch(r -> r.head().header("user-agent").orElse("")
                            .contains("md/http#s3crt"));
                }
                assertThat(bucket.get(key)).as("stored bytes of %d", size).isEqualTo(content);

                target.requestLog().clear();
                Path destination = out.resolve("d/" + size);
                DownloadResult down = engine.downloadFile(bucket.name(), key, destination).result().block(TIMEOUT);

                assertThat(down).isNotNull();
                assertThat(down.size()).isEqualTo(size);
                assertThat(down.eTag()).isEqualTo(up.eTag());
                assertThat(down.contentVerified()).as("verified %d", size).isTrue();
                assertThat(TestData.sameContent(source, destination)).as("downloaded bytes of %d", size).isTrue();
                List<RecordedRequest> gets = Engines.requests(target, bucket, "GetObject");
                assertThat(gets).as("GetObjects of %d", size).hasSize(size == 0 ? 0
                        : backend == TransferBackend.CRT ? gets.size() : multipart ? parts : 1);
                assertThat(gets).as("If-Match on every part").allMatch(r -> r.head().header("if-match")
                        .map(v -> v.contains(up.eTag())).orElse(false));

                byte[] streamed = streamDigest(engine, bucket, key);
                assertThat(streamed).as("streamed bytes of %d", size).isEqualTo(Engines.md5().digest(content));
            }
        }
        try (Stream<Path> left = Files.list(out.resolve("d"))) {
            assertThat(left).as("no temporary files").allMatch(p -> !p.getFileName().toString().startsWith("."));
        }
    }

    private static byte[] streamDigest(S3TransferEngine engine, TestBucket bucket, String key) {
        return engine.downloadStream(bucket.name(), key)
                .flatMap(stream -> stream.body().reduce(Engines.md5(), (md5, buffer) -> {
                    md5.update(buffer);
                    return md5;
                }).map(MessageDigest::digest))
                .block(TIMEOUT);
    }

    @S3Test
    void uploadFile_withOptions_appliesHeadersToTheMultipartObject(S3Target target, TestBucket bucket) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            engine.uploadFile(source(2 * PART), bucket.name(), "meta", PutObjectOptions.builder()
                    .contentType("application/x-test").metadata("origin", "engine").build()).result().block(TIMEOUT);
            ObjectHead head = TargetClients.client(target).headObject(bucket.name(), "meta").block(TIMEOUT);
            assertThat(head).isNotNull();
            assertThat(head.contentType()).isEqualTo("application/x-test");
            assertThat(head.metadata()).containsEntry("origin", "engine");
        }
    }

    @S3Test
    void uploadFile_missingFile_failsWithoutAnyRequest(S3Target target, TestBucket bucket, @TempDir Path out) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.requestLog().clear();
            StepVerifier.create(engine.uploadFile(out.resolve("missing"), bucket.name(), "k").result())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LocalFileException.class)
                            .hasMessageContaining("missing"))
                    .verify(TIMEOUT);
            assertThat(target.requestLog().forBucket(bucket.name())).isEmpty();
        }
    }

    @S3Test
    void uploadFile_badArguments_throwBeforeSubscription(S3Target target) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            assertThatThrownBy(() -> engine.uploadFile(Path.of("x"), "Bad_Bucket", "k"))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> engine.uploadFile(Path.of("x"), "good-bucket", ""))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> engine.downloadFile("good-bucket", "k", null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @S3Test
    void downloadFile_objectReplacedMidDownload_failsAndLeavesTheOldFileUntouched(S3Target target,
                                                                                 TestBucket bucket,
                                                                                 @TempDir Path out) throws Exception {
        replacedMidDownload(target, bucket, out, TransferBackend.REACTOR);
    }

    @S3Test(only = StoreKind.CEPH_RGW)
    void crtBackend_objectReplacedMidDownload_failsAndLeavesTheOldFileUntouched(S3Target target, TestBucket bucket,
                                                                               @TempDir Path out) throws Exception {
        replacedMidDownload(target, bucket, out, TransferBackend.CRT);
    }

    private static void replacedMidDownload(S3Target target, TestBucket bucket, Path out, TransferBackend backend)
            throws Exception {
        byte[] original = Files.readAllBytes(source(3 * PART));
        bucket.put("replaced", original);
        Path destination = Files.writeString(out.resolve("existing.bin"), "the old file");
        try (S3TransferEngine engine = Engines.engine(target, backend)) {
            // every GetObject after the first waits in the proxy while the object is replaced
            target.faults().add(Fault.onOperation("GetObject").skip(1).delay(Duration.ofMillis(1500)));
            Mono<DownloadResult> download = engine.downloadFile(bucket.name(), "replaced", destination).result();
            StepVerifier.create(download)
                    .then(() -> {
                        awaitFirstGet(target, bucket);
                        bucket.put("replaced", TestData.bytes(3 * PART, 99));
                    })
                    .expectError(PreconditionFailedException.class)
                    .verify(TIMEOUT);
        }
        assertThat(Files.readString(destination)).isEqualTo("the old file");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(destination);
        }
    }

    @S3Test
    void downloadStream_objectReplacedMidDownload_fails(S3Target target, TestBucket bucket) {
        bucket.put("replaced", TestData.bytes(3 * PART, 5));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.faults().add(Fault.onOperation("GetObject").skip(1).delay(Duration.ofMillis(1500)));
            StepVerifier.create(engine.downloadStream(bucket.name(), "replaced").flatMapMany(s -> s.body()))
                    .then(() -> {
                        awaitFirstGet(target, bucket);
                        bucket.put("replaced", TestData.bytes(3 * PART, 6));
                    })
                    .thenConsumeWhile(b -> true)
                    .expectError(PreconditionFailedException.class)
                    .verify(TIMEOUT);
        }
    }

    @S3Test
    void downloadFile_missingObject_failsWithObjectNotFoundAndWritesNothing(S3Target target, TestBucket bucket,
                                                                            @TempDir Path out) throws IOException {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            StepVerifier.create(engine.downloadFile(bucket.name(), "missing", out.resolve("x")).result())
                    .expectError(ObjectNotFoundException.class)
                    .verify(TIMEOUT);
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @S3Test
    void progress_multipartUploadAndDownload_reportPartsBytesAndFinalResult(S3Target target, TestBucket bucket,
                                                                            @TempDir Path out) {
        long size = 4 * PART + 3;
        try (S3TransferEngine engine = Engines.reactor(target)) {
            List<TransferProgress<UploadResult>> up = engine.uploadFile(source(size), bucket.name(), "p")
                    .progress().collectList().block(TIMEOUT);
            assertProgress(up, size, 5);
            assertThat(up.get(up.size() - 1).result().parts()).isEqualTo(5);

            List<TransferProgress<DownloadResult>> down = engine.downloadFile(bucket.name(), "p", out.resolve("p"))
                    .progress().collectList().block(TIMEOUT);
            assertProgress(down, size, 5);
        }
    }

    private static <R> void assertProgress(List<TransferProgress<R>> snapshots, long size, int parts) {
        assertThat(snapshots).isNotNull().hasSizeGreaterThanOrEqualTo(parts + 1);
        TransferProgress<R> last = snapshots.get(snapshots.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.bytesTransferred()).isEqualTo(size);
        assertThat(last.totalBytes()).isEqualTo(size);
        assertThat(last.partsCompleted()).isEqualTo(parts);
        assertThat(last.partsTotal()).isEqualTo(parts);
        assertThat(last.itemsCompleted()).isEqualTo(1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(snapshots).extracting(TransferProgress::partsCompleted).isSorted();
        assertThat(snapshots.subList(0, snapshots.size() - 1)).noneMatch(TransferProgress::done);
    }

    @S3Test
    void uploadFile_fileChangingDuringTheUpload_failsAndAborts(S3Target target, TestBucket bucket,
                                                              @TempDir Path out) throws Exception {
        Path file = TestData.file(out.resolve("growing"), 4 * PART, 3);
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(300)));
            StepVerifier.create(engine.uploadFile(file, bucket.name(), "growing").result())
                    .then(() -> {
                        sleep(100);
                        try {
                            Files.write(file, new byte[]{1}, java.nio.file.StandardOpenOption.APPEND);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LocalFileException.class)
                            .hasMessageContaining("changed during the upload"))
                    .verify(TIMEOUT);
        }
        assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        assertThat(bucket.keys()).doesNotContain("growing");
    }

    @S3Test
    void uploadFile_fileChangedInPlaceDuringTheUpload_failsAndKeepsThePreviousObject(S3Target target,
                                                                                    TestBucket bucket,
                                                                                    @TempDir Path out)
            throws Exception {
        changedInPlace(target, bucket, out, TransferBackend.REACTOR);
    }

    @S3Test(only = {StoreKind.LOCAL_S3, StoreKind.CEPH_RGW})
    void crtBackend_fileChangedInPlaceDuringTheUpload_failsAndKeepsThePreviousObject(S3Target target,
                                                                                    TestBucket bucket,
                                                                                    @TempDir Path out)
            throws Exception {
        changedInPlace(target, bucket, out, TransferBackend.CRT);
    }

    /**
     * One byte of a 16-part file is rewritten in place (same size, new modification time) after the upload took the
     * file's stamp and before the first part can be read, while its parts crawl through two connections: the upload
     * fails, no multipart upload is left and the previous object is untouched. The engine has moved a file before
     * (the CRT client is built by the first transfer, which can take longer than the 200 ms before the rewrite: the
     * stamp would then be taken after it), and CreateMultipartUpload is held for 600 ms (the CRT reads no part before
     * it is answered, and may then read all 80 MiB at once).
     */
    private static void changedInPlace(S3Target target, TestBucket bucket, Path out, TransferBackend backend)
            throws Exception {
        byte[] previous = TestData.bytes(1000, 5);
        bucket.put("changing", previous);
        Path file = TestData.file(out.resolve("changing"), 16 * PART, 4);
        TransferSettings settings = Engines.settings(backend).withConcurrency(2);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            assertThat(engine.uploadBackend()).isEqualTo(backend);
            engine.uploadFile(TestData.file(out.resolve("first"), 1000, 6), bucket.name(), "first").result()
                    .block(TIMEOUT);
            target.faults().add(Fault.onOperation("CreateMultipartUpload").delay(Duration.ofMillis(600)));
            target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(500)));
            StepVerifier.create(engine.uploadFile(file, bucket.name(), "changing").result())
                    .then(() -> {
                        sleep(200);
                        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                                java.nio.file.StandardOpenOption.WRITE)) {
                            channel.write(java.nio.ByteBuffer.wrap(new byte[]{42}), 0);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LocalFileException.class)
                            .hasMessageContaining("changed during the upload"))
                    .verify(TIMEOUT);
        }
        assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        assertThat(bucket.get("changing")).isEqualTo(previous);
    }

    /** Waits until the first (undelayed) GetObject of the download has been answered. */
    private static void awaitFirstGet(S3Target target, TestBucket bucket) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (target.requestLog().forBucket(bucket.name()).stream()
                .noneMatch(r -> r.operation().equals("GetObject") && r.status() == 206)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the download sent no GetObject");
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
