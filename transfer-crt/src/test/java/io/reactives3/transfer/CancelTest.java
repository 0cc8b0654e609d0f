package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

/** Disposing a transfer stops its parts, aborts its multipart upload, and leaves no partial file. */
class CancelTest {

    private static final long SIZE = 8 * PART;

    @S3Test
    void uploadFile_disposedMidUpload_abortsAndListMultipartUploadsIsEmpty(S3Target target, TestBucket bucket,
                                                                          @TempDir Path dir) {
        cancelUpload(target, bucket, dir, TransferBackend.REACTOR);
        assertThat(Engines.requests(target, bucket, "AbortMultipartUpload")).hasSize(1);
    }

    @S3Test(only = {StoreKind.LOCAL_S3, StoreKind.CEPH_RGW})
    void crtBackend_disposedMidUpload_abortsAndListMultipartUploadsIsEmpty(S3Target target, TestBucket bucket,
                                                                          @TempDir Path dir) {
        cancelUpload(target, bucket, dir, TransferBackend.CRT);
        assertThat(Engines.requests(target, bucket, "AbortMultipartUpload")).isNotEmpty();
    }

    private static void cancelUpload(S3Target target, TestBucket bucket, Path dir, TransferBackend backend) {
        Path file = TestData.file(dir.resolve("f"), SIZE, 1);
        // two parts at a time, each held 400 ms by the proxy: the dispose lands while six parts are still to go
        try (S3TransferEngine engine = S3TransferEngine.create(io.reactives3.core.testing.TargetClients.client(target),
                Engines.settings(backend).withConcurrency(2))) {
            target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(400)));
            Disposable upload = engine.uploadFile(file, bucket.name(), "f").progress().subscribe();
            awaitAnswered(target, bucket, "UploadPart", 2);
            upload.dispose();
            assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        }
        assertThat(Engines.requests(target, bucket, "CompleteMultipartUpload")).isEmpty();
        assertThat(bucket.keys()).doesNotContain("f");
    }

    @S3Test
    void uploadStream_disposedMidUpload_abortsAndStopsReadingTheSource(S3Target target, TestBucket bucket) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(400)));
            Disposable upload = engine.upload(TestData.stream(SIZE, 2, 64 * 1024), bucket.name(), "s",
                    PutObjectOptions.defaults()).result().subscribe();
            awaitAnswered(target, bucket, "UploadPart", 1);
            upload.dispose();
            assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        }
        assertThat(Engines.requests(target, bucket, "AbortMultipartUpload")).hasSize(1);
        assertThat(bucket.keys()).doesNotContain("s");
    }

    @S3Test
    void downloadFile_disposedMidDownload_leavesNoPartialFileAndTheOldOneUntouched(S3Target target,
                                                                                   TestBucket bucket,
                                                                                   @TempDir Path dir)
            throws Exception {
        bucket.put("big", TestData.bytes(SIZE, 3));
        Path destination = Files.writeString(dir.resolve("existing"), "keep me");
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.faults().add(Fault.onOperation("GetObject").skip(2).delay(Duration.ofSeconds(2)));
            Disposable download = engine.downloadFile(bucket.name(), "big", destination).result().subscribe();
            awaitAnswered(target, bucket, "GetObject", 2);
            download.dispose();
            // deleting the temporary file runs after the cancel: give it a moment
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (tempFiles(dir) > 0 && System.nanoTime() < deadline) {
                FileTransfersTest.sleep(50);
            }
        }
        assertThat(tempFiles(dir)).isZero();
        assertThat(Files.readString(destination)).isEqualTo("keep me");
    }

    @S3Test
    void copy_disposedMidCopy_abortsTheUpload(S3Target target, TestBucket bucket) {
        if (target.kind() == StoreKind.LOCAL_S3) {
            return; // no UploadPartCopy (501): LocalS3 copies with one CopyObject, nothing to abort
        }
        bucket.put("src", TestData.bytes(4 * MIB + 2 * PART, 4));
        // one part at a time, each held 500 ms: the dispose lands while two of the three parts are still to go
        try (S3TransferEngine engine = S3TransferEngine.create(io.reactives3.core.testing.TargetClients.client(target),
                Engines.settings(TransferBackend.REACTOR).withConcurrency(1))) {
            target.faults().add(Fault.onOperation("UploadPartCopy").delay(Duration.ofMillis(500)));
            Disposable copy = engine.copy(bucket.name(), "src", bucket.name(), "dst",
                    io.reactives3.core.CopyObjectOptions.defaults()).result().subscribe();
            awaitAnswered(target, bucket, "UploadPartCopy", 1);
            copy.dispose();
            assertThat(Cancellation.uploadsLeft(target, bucket)).isZero();
        }
        assertThat(bucket.keys()).doesNotContain("dst");
    }

    private static long tempFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until at least {@code n} requests of {@code operation} on the bucket have been answered. */
    static void awaitAnswered(S3Target target, TestBucket bucket, String operation, int n) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (target.requestLog().count(bucket.name(), operation) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + n + " " + operation + " answered");
            }
            FileTransfersTest.sleep(20);
        }
    }
}
