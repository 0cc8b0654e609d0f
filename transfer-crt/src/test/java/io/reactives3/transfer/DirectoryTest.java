package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.UploadBody;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.SkippedKey;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** Directory uploads and downloads: filters, key layout, traversal keys, symbolic links, aggregated progress. */
class DirectoryTest {

    private static Path tree(Path root) throws IOException {
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.createDirectories(root.resolve("tmp"));
        Files.write(root.resolve("a.csv"), TestData.bytes(100, 1));
        Files.write(root.resolve("b.txt"), TestData.bytes(200, 2));
        Files.write(root.resolve("sub/c.csv"), TestData.bytes(300, 3));
        Files.write(root.resolve("sub/deeper/d.csv"), TestData.bytes(7 * Engines.MIB, 4));
        Files.write(root.resolve("tmp/e.csv"), TestData.bytes(50, 5));
        Files.createSymbolicLink(root.resolve("link.csv"), root.resolve("a.csv"));
        return root;
    }

    @S3Test
    void uploadDirectory_withFilters_uploadsTheSelectedRegularFilesUnderThePrefix(S3Target target, TestBucket bucket,
                                                                                   @TempDir Path dir)
            throws IOException {
        Path root = tree(dir.resolve("src"));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            DirectoryOptions csvNotTmp = DirectoryOptions.all().include("*.csv").include("**/*.csv").exclude("tmp/**");
            List<TransferProgress<DirectoryUploadResult>> progress = engine.uploadDirectory(root, bucket.name(),
                    "backup", csvNotTmp).progress().collectList().block(TIMEOUT);
            assertThat(progress).isNotNull();
            TransferProgress<DirectoryUploadResult> last = progress.get(progress.size() - 1);
            DirectoryUploadResult result = last.result();
            assertThat(result.failures()).isEmpty();
            assertThat(result.uploaded()).extracting(UploadResult::key)
                    .containsExactlyInAnyOrder("backup/a.csv", "backup/sub/c.csv", "backup/sub/deeper/d.csv");
            // aggregated over the three files: bytes, parts (d.csv is multipart: 2 parts), items
            assertThat(last.itemsCompleted()).isEqualTo(3);
            assertThat(last.itemsTotal()).isEqualTo(3);
            assertThat(last.totalBytes()).isEqualTo(100 + 300 + 7 * Engines.MIB);
            assertThat(last.bytesTransferred()).isEqualTo(last.totalBytes());
            assertThat(last.partsCompleted()).isEqualTo(4);
        }
        assertThat(bucket.keys()).containsExactlyInAnyOrder("backup/a.csv", "backup/sub/c.csv",
                "backup/sub/deeper/d.csv");
        assertThat(bucket.get("backup/sub/deeper/d.csv")).isEqualTo(TestData.bytes(7 * Engines.MIB, 4));
    }

    @S3Test
    void downloadDirectory_roundTrip_recreatesTheTreeBelowThePrefixOnly(S3Target target, TestBucket bucket,
                                                                       @TempDir Path dir) throws IOException {
        Path root = tree(dir.resolve("src"));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            engine.uploadDirectory(root, bucket.name(), "photos", DirectoryOptions.all()).result().block(TIMEOUT);
            bucket.put("photos2/not-me.txt", "other prefix");
            // a folder marker (through the async client: RGW refuses the fixture client's empty aws-chunked PUT)
            io.reactives3.core.testing.TargetClients.client(target).putObject(bucket.name(), "photos/folder/", UploadBody.ofBytes(new byte[0]))
                    .block(TIMEOUT);
            Path out = dir.resolve("out");
            DirectoryDownloadResult result = engine.downloadDirectory(bucket.name(), "photos", out,
                    DirectoryOptions.all().exclude("tmp/**")).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.failures()).isEmpty();
            assertThat(result.skipped()).isEmpty();
            assertThat(result.downloaded()).extracting(DownloadResult::key).containsExactlyInAnyOrder(
                    "photos/a.csv", "photos/b.txt", "photos/sub/c.csv", "photos/sub/deeper/d.csv");
            assertThat(Files.readAllBytes(out.resolve("sub/deeper/d.csv"))).isEqualTo(TestData.bytes(7 * Engines.MIB, 4));
            assertThat(Files.readAllBytes(out.resolve("b.txt"))).isEqualTo(TestData.bytes(200, 2));
            assertThat(out.resolve("tmp")).doesNotExist();
            assertThat(files(out)).hasSize(4);
        }
    }

    @S3Test(only = {StoreKind.LOCAL_S3, StoreKind.CEPH_RGW})
    void downloadDirectory_traversalKeys_skippedAndReportedNothingWrittenOutside(S3Target target, TestBucket bucket,
                                                                                @TempDir Path dir) throws IOException {
        // S3Proxy refuses to store such keys (its file system store rejects them): LocalS3 and RGW keep them
        List<String> evil = List.of("p/../x", "p/a/../../x", "p//abs", "p/..", "p/a/..", "p/./y", "p/a\\..\\..\\x");
        for (String key : evil) {
            bucket.put(key, "evil");
        }
        bucket.put("p/ok.txt", "fine");
        Path out = Files.createDirectories(dir.resolve("nested/out"));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            DirectoryDownloadResult result = engine.downloadDirectory(bucket.name(), "p/", out,
                    DirectoryOptions.all()).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.downloaded()).extracting(DownloadResult::key).containsExactly("p/ok.txt");
            // keys the store normalised away (LocalS3 turns "p//abs" into "p/abs") are not listed as such
            List<String> listed = bucket.keys();
            assertThat(result.skipped()).extracting(SkippedKey::key)
                    .containsExactlyInAnyOrderElementsOf(evil.stream().filter(listed::contains).toList());
            assertThat(result.skipped()).hasSizeGreaterThanOrEqualTo(6).allMatch(s -> !s.reason().isBlank());
            assertThat(result.failures()).isEmpty();
        }
        assertThat(Files.readString(out.resolve("ok.txt"))).isEqualTo("fine");
        // nothing anywhere else under the test folder
        assertThat(files(dir)).containsExactly(out.resolve("ok.txt"));
    }

    @S3Test
    void downloadDirectory_symlinkInTheDestination_isNotFollowed(S3Target target, TestBucket bucket,
                                                                @TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("link"), outside);
        Files.createSymbolicLink(out.resolve("file-link"), outside.resolve("target.txt"));
        bucket.put("q/link/evil.txt", "through the link");
        bucket.put("q/file-link", "over the link");
        bucket.put("q/fine.txt", "fine");
        try (S3TransferEngine engine = Engines.reactor(target)) {
            DirectoryDownloadResult result = engine.downloadDirectory(bucket.name(), "q", out,
                    DirectoryOptions.all()).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.downloaded()).extracting(DownloadResult::key).containsExactly("q/fine.txt");
            assertThat(result.skipped()).extracting(SkippedKey::key)
                    .containsExactlyInAnyOrder("q/link/evil.txt", "q/file-link");
            assertThat(result.skipped()).allMatch(s -> s.reason().contains("symbolic link"));
        }
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left).isEmpty();
        }
        assertThat(Files.isSymbolicLink(out.resolve("file-link"))).isTrue();
    }

    @S3Test
    void uploadDirectory_missingDirectory_failsTheJob(S3Target target, TestBucket bucket, @TempDir Path dir) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            reactor.test.StepVerifier.create(engine.uploadDirectory(dir.resolve("missing"), bucket.name(), "",
                            DirectoryOptions.all()).result())
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("not a directory"))
                    .verify(TIMEOUT);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
