package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.LocalFileException;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.ItemFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local disk error during a directory download fails that one item, as a {@link LocalFileException} among the
 * job's failures, and the other items are written; no raw {@code IOException} escapes and no temporary file stays.
 * Two errors: a path longer than the file system allows (the file is never created), and a disk that fills up while
 * the file is written (a 1 MiB tmpfs mounted in the destination; needs the right to mount, as root has here).
 */
class DirectoryDiskErrorTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void pathTooLongForTheFileSystem_failsThatItemOnly(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws IOException {
        seedTwoGoodObjects(bucket);
        // 3 x 201 bytes of key below the prefix: fine for S3, past PATH_MAX below a destination of ~3,600 bytes
        String longKey = "d/" + ("L".repeat(200) + "/").repeat(3) + "file.txt";
        bucket.put(longKey, "does not fit");
        Path out = dir;
        while (out.toString().length() < 3600) {
            out = out.resolve("n".repeat(200));
        }
        DirectoryDownloadResult result = downloadDirectory(target, bucket, out);
        assertOnlyFailure(result, longKey);
        assertGoodObjectsWritten(out);
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void diskFullWhileWriting_failsThatItemOnly(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws Exception {
        seedTwoGoodObjects(bucket);
        bucket.put("d/full/big.bin", TestData.bytes(3 * MIB, 3));
        Path out = dir.resolve("out");
        Path full = Files.createDirectories(out.resolve("full"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", full.toString()) == 0,
                "mounting a 1 MiB tmpfs needs root (or CAP_SYS_ADMIN)");
        try {
            DirectoryDownloadResult result = downloadDirectory(target, bucket, out);
            assertOnlyFailure(result, "d/full/big.bin");
            assertThat(result.failures().get(0).error()).hasMessageContaining("No space left on device");
            assertGoodObjectsWritten(out);
            try (Stream<Path> left = Files.list(full)) {
                assertThat(left).as("nothing left on the full disk").isEmpty();
            }
        } finally {
            run("umount", full.toString());
        }
    }

    private static void seedTwoGoodObjects(TestBucket bucket) {
        bucket.put("d/ok-1.txt", TestData.bytes(1000, 1));
        bucket.put("d/sub/ok-2.txt", TestData.bytes(2000, 2));
    }

    private static DirectoryDownloadResult downloadDirectory(S3Target target, TestBucket bucket, Path out) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            DirectoryDownloadResult result = engine.downloadDirectory(bucket.name(), "d", out,
                    DirectoryOptions.all()).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            return result;
        }
    }

    private static void assertOnlyFailure(DirectoryDownloadResult result, String key) {
        assertThat(result.downloaded()).extracting(DownloadResult::key)
                .containsExactlyInAnyOrder("d/ok-1.txt", "d/sub/ok-2.txt");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.failedCount()).isEqualTo(1);
        ItemFailure failure = result.failures().get(0);
        assertThat(failure.item()).isEqualTo(key);
        assertThat(failure.error()).isInstanceOf(LocalFileException.class).hasMessageContaining(key);
    }

    private static void assertGoodObjectsWritten(Path out) throws IOException {
        assertThat(Files.readAllBytes(out.resolve("ok-1.txt"))).isEqualTo(TestData.bytes(1000, 1));
        assertThat(Files.readAllBytes(out.resolve("sub/ok-2.txt"))).isEqualTo(TestData.bytes(2000, 2));
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).as("only the two files, no temporary file").hasSize(2);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
