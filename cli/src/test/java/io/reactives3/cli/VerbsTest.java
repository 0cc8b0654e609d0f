package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** Every verb against a real server, checked at the server (fixture client, request log) and on disk. */
class VerbsTest {

    static final int MIB = 1024 * 1024;

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> operations(S3Target target, String bucket, String operation) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        return target.requestLog().forBucket(bucket).stream().map(RecordedRequest::operation)
                .filter(operation::equals).toList();
    }

    @S3Test(only = StoreKind.S3PROXY)
    void mbLsRb_createListAndRemoveABucket(S3Target target) {
        String name = target.newBucketName("cli-mb");
        Cli.Run made = Cli.on(target, "mb", "s3://" + name);
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out()).contains("make_bucket: " + name);
        assertThat(target.fixtureClient().headBucket(b -> b.bucket(name))).isNotNull();

        Cli.Run listed = Cli.on(target, "ls");
        assertThat(listed.code()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains(" " + name + "\n");

        Cli.Run again = Cli.on(target, "mb", "s3://" + name);
        assertThat(again.code()).as(again.toString()).isEqualTo(Rs3.FAILED);

        Cli.Run removed = Cli.on(target, "rb", "s3://" + name);
        assertThat(removed.code()).as(removed.toString()).isZero();
        assertThat(Cli.on(target, "ls").out()).doesNotContain(" " + name + "\n");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void rbForce_removesABucketWithObjects(S3Target target) {
        String name = target.newBucketName("cli-rb");
        target.fixtureClient().createBucket(b -> b.bucket(name));
        target.fixtureClient().putObject(b -> b.bucket(name).key("a/b"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        Cli.Run refused = Cli.on(target, "rb", "s3://" + name);
        assertThat(refused.code()).as(refused.toString()).isEqualTo(Rs3.FAILED);
        Cli.Run forced = Cli.on(target, "rb", "--force", "s3://" + name);
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(target.fixtureClient().listBuckets().buckets()).noneMatch(b -> b.name().equals(name));
    }

    @S3Test(only = StoreKind.S3PROXY)
    void ls_showsFoldersAsPreAndObjectsRelativeToThePrefix(S3Target target, TestBucket bucket) {
        bucket.put("photos/2024/a.jpg", "aaa");
        bucket.put("photos/b.jpg", "bb");
        bucket.put("photosets.txt", "c");
        Cli.Run folder = Cli.on(target, "ls", "s3://" + bucket.name() + "/photos/");
        assertThat(folder.code()).as(folder.toString()).isZero();
        assertThat(folder.out()).containsPattern("PRE 2024/\n").containsPattern(" 2 b\\.jpg\n")
                .doesNotContain("photosets");

        Cli.Run all = Cli.on(target, "ls", "--recursive", "--summarize", "s3://" + bucket.name());
        assertThat(all.out()).contains(" photos/2024/a.jpg\n", " photos/b.jpg\n", " photosets.txt\n")
                .contains("Total Objects: 3").contains("Total Size: 6");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void cp_fileUpAboveThresholdInPartsAndDownAgain_sameBytes(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws IOException {
        byte[] data = bytes(12 * MIB + 123, 1);
        Path file = Files.write(dir.resolve("big.bin"), data);
        Cli.Run up = Cli.on(target, "cp", "--multipart-threshold", "5MiB", "--part-size", "5MiB",
                file.toString(), "s3://" + bucket.name() + "/data/");
        assertThat(up.code()).as(up.toString()).isZero();
        assertThat(up.out()).contains("upload: " + file + " to s3://" + bucket.name() + "/data/big.bin")
                .contains("100%");
        assertThat(operations(target, bucket.name(), "UploadPart")).hasSize(3);
        assertThat(bucket.get("data/big.bin")).isEqualTo(data);

        Path back = dir.resolve("back.bin");
        Cli.Run down = Cli.on(target, "cp", "s3://" + bucket.name() + "/data/big.bin", back.toString());
        assertThat(down.code()).as(down.toString()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(data);

        // a directory as destination gets the key's name
        Cli.Run intoDir = Cli.on(target, "cp", "s3://" + bucket.name() + "/data/big.bin", dir.toString());
        assertThat(intoDir.code()).as(intoDir.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("big.bin"))).isEqualTo(data);
    }

    @S3Test(only = StoreKind.S3PROXY)
    void cp_s3ToS3AboveThreshold_copiesServerSideInParts(S3Target target, TestBucket bucket) {
        byte[] data = bytes(11 * MIB, 2);
        bucket.put("src.bin", data);
        Cli.Run copied = Cli.on(target, "cp", "--multipart-threshold", "5MiB", "--part-size", "5MiB",
                "s3://" + bucket.name() + "/src.bin", "s3://" + bucket.name() + "/copies/");
        assertThat(copied.code()).as(copied.toString()).isZero();
        assertThat(bucket.get("copies/src.bin")).isEqualTo(data);
        assertThat(operations(target, bucket.name(), "UploadPartCopy")).hasSize(3);
        assertThat(operations(target, bucket.name(), "GetObject")).isEmpty(); // no byte went through rs3

        Cli.Run small = Cli.on(target, "cp", "s3://" + bucket.name() + "/src.bin", "s3://" + bucket.name() + "/one");
        assertThat(small.code()).as(small.toString()).isZero();
        assertThat(operations(target, bucket.name(), "CopyObject")).hasSize(1);
        assertThat(bucket.get("one")).isEqualTo(data);
    }

    @S3Test(only = StoreKind.S3PROXY)
    void cpRecursive_directoryUpAndFolderDown_keepsTheTree(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(src.resolve("a/b"));
        Files.writeString(src.resolve("top.txt"), "top");
        Files.writeString(src.resolve("a/mid.txt"), "mid");
        Files.writeString(src.resolve("a/b/deep.txt"), "deep");
        bucket.put("backup-other/x", "not under backup/");

        Cli.Run up = Cli.on(target, "cp", "-r", "--concurrency", "2", src.toString(), "s3://" + bucket.name() + "/backup");
        assertThat(up.code()).as(up.toString()).isZero();
        assertThat(bucket.keys()).contains("backup/top.txt", "backup/a/mid.txt", "backup/a/b/deep.txt");

        Path dst = dir.resolve("dst");
        Cli.Run down = Cli.on(target, "cp", "--recursive", "s3://" + bucket.name() + "/backup/", dst.toString());
        assertThat(down.code()).as(down.toString()).isZero();
        assertThat(Files.readString(dst.resolve("a/b/deep.txt"))).isEqualTo("deep");
        assertThat(Files.readString(dst.resolve("top.txt"))).isEqualTo("top");
        assertThat(dst.resolve("x")).doesNotExist(); // backup-other/ is not under backup/
        assertThat(down.out()).contains("3/3 objects");

        int headsBefore = operations(target, bucket.name(), "HeadObject").size();
        Cli.Run s3ToS3 = Cli.on(target, "cp", "-r", "s3://" + bucket.name() + "/backup",
                "s3://" + bucket.name() + "/mirror/");
        assertThat(s3ToS3.code()).as(s3ToS3.toString()).isZero();
        // listed below the threshold: one CopyObject each (pinned to the listed ETag), no HeadObject first
        assertThat(operations(target, bucket.name(), "CopyObject")).hasSize(3);
        assertThat(operations(target, bucket.name(), "HeadObject")).hasSize(headsBefore);
        assertThat(target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("CopyObject"))
                .map(r -> r.head().header("x-amz-copy-source-if-match").orElse("")))
                .hasSize(3).allMatch(h -> h.startsWith("\"") && h.length() > 2);
        assertThat(bucket.keys()).contains("mirror/top.txt", "mirror/a/b/deep.txt");
        assertThat(new String(bucket.get("mirror/a/mid.txt"), StandardCharsets.UTF_8)).isEqualTo("mid");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void sync_localToS3_copiesWhatDiffersAndDeleteRemovesExtras(S3Target target, TestBucket bucket,
                                                                @TempDir Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("site"));
        Files.writeString(src.resolve("index.html"), "<h1>hi</h1>");
        Files.createDirectories(src.resolve("css"));
        Files.writeString(src.resolve("css/site.css"), "body{}");
        String to = "s3://" + bucket.name() + "/www/";

        Cli.Run first = Cli.on(target, "sync", src.toString(), to);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("upload: ").contains("2/2 objects");
        assertThat(bucket.keys()).containsExactlyInAnyOrder("www/index.html", "www/css/site.css");

        target.requestLog().clear();
        Cli.Run second = Cli.on(target, "sync", src.toString(), to);
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("in sync");
        assertThat(operations(target, bucket.name(), "PutObject")).isEmpty();

        Files.writeString(src.resolve("index.html"), "<h1>hello</h1>"); // another size
        bucket.put("www/old.html", "gone soon");
        Cli.Run third = Cli.on(target, "sync", "--delete", src.toString(), to);
        assertThat(third.code()).as(third.toString()).isZero();
        assertThat(third.out()).contains("upload: " + src.resolve("index.html"))
                .doesNotContain("site.css to").contains("delete: s3://" + bucket.name() + "/www/old.html");
        assertThat(bucket.keys()).containsExactlyInAnyOrder("www/index.html", "www/css/site.css");
        assertThat(new String(bucket.get("www/index.html"), StandardCharsets.UTF_8)).isEqualTo("<h1>hello</h1>");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void sync_s3ToLocal_secondRunCopiesNothingAndNewerObjectsWin(S3Target target, TestBucket bucket,
                                                                 @TempDir Path dir) throws IOException {
        bucket.put("docs/a.txt", "one");
        bucket.put("docs/sub/b.txt", "two");
        Path dst = dir.resolve("docs");
        Files.createDirectories(dst);
        Files.writeString(dst.resolve("stale.txt"), "not in the bucket");

        Cli.Run first = Cli.on(target, "sync", "--delete", "s3://" + bucket.name() + "/docs", dst.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(Files.readString(dst.resolve("sub/b.txt"))).isEqualTo("two");
        assertThat(dst.resolve("stale.txt")).doesNotExist();

        Cli.Run second = Cli.on(target, "sync", "s3://" + bucket.name() + "/docs", dst.toString());
        assertThat(second.out()).as(second.toString()).contains("in sync");

        // same size, older local copy: the object wins
        Files.setLastModifiedTime(dst.resolve("a.txt"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.writeString(dst.resolve("a.txt"), "ONE");
        Files.setLastModifiedTime(dst.resolve("a.txt"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Cli.Run third = Cli.on(target, "sync", "s3://" + bucket.name() + "/docs/", dst.toString());
        assertThat(third.code()).as(third.toString()).isZero();
        assertThat(Files.readString(dst.resolve("a.txt"))).isEqualTo("one");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void sync_s3ToS3_comparesETags(S3Target target, TestBucket bucket) {
        bucket.put("src/a", "alpha");
        bucket.put("src/b", "beta");
        Cli.Run first = Cli.on(target, "sync", "s3://" + bucket.name() + "/src", "s3://" + bucket.name() + "/dst");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(bucket.keys()).contains("dst/a", "dst/b");
        sleep(1100); // S3 times have whole seconds: make the new source newer than the copy
        bucket.put("src/a", "ALPHA"); // same size, new content, newer
        Cli.Run second = Cli.on(target, "sync", "s3://" + bucket.name() + "/src", "s3://" + bucket.name() + "/dst");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("copy: s3://" + bucket.name() + "/src/a").doesNotContain("src/b to");
        assertThat(new String(bucket.get("dst/a"), StandardCharsets.UTF_8)).isEqualTo("ALPHA");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void rmRecursive_deletesTheFolderOnly_andRmDeletesOneKey(S3Target target, TestBucket bucket) {
        bucket.put("logs/1", "1");
        bucket.put("logs/2/3", "3");
        bucket.put("logs-archive", "keep");
        bucket.put("single", "s");
        Cli.Run dry = Cli.on(target, "rm", "-r", "--dry-run", "s3://" + bucket.name() + "/logs");
        assertThat(dry.out()).contains("(dry run) delete: s3://" + bucket.name() + "/logs/2/3");
        assertThat(bucket.keys()).hasSize(4);

        Cli.Run rm = Cli.on(target, "rm", "--recursive", "s3://" + bucket.name() + "/logs");
        assertThat(rm.code()).as(rm.toString()).isZero();
        assertThat(rm.out()).contains("delete: 2 objects");
        assertThat(bucket.keys()).containsExactlyInAnyOrder("logs-archive", "single");

        Cli.Run one = Cli.on(target, "rm", "s3://" + bucket.name() + "/single");
        assertThat(one.code()).as(one.toString()).isZero();
        assertThat(bucket.keys()).containsExactly("logs-archive");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void presign_urlServesTheObjectWithoutCredentials(S3Target target, TestBucket bucket) throws Exception {
        bucket.put("report.csv", "a,b\n1,2\n");
        Cli.Run presigned = Cli.on(target, "presign", "--expires-in", "600", "s3://" + bucket.name() + "/report.csv");
        assertThat(presigned.code()).as(presigned.toString()).isZero();
        URI url = URI.create(presigned.out().trim());
        assertThat(url.getQuery()).contains("X-Amz-Expires=600");
        HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("a,b\n1,2\n");

        Cli.Run put = Cli.on(target, "presign", "--method", "PUT", "s3://" + bucket.name() + "/upload.txt");
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(put.out().trim()))
                .PUT(HttpRequest.BodyPublishers.ofString("via url")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(new String(bucket.get("upload.txt"), StandardCharsets.UTF_8)).isEqualTo("via url");
    }

    @S3Test(only = StoreKind.S3PROXY)
    void cpDryRun_printsThePlanAndMovesNothing(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("f.txt"), "f");
        Cli.Run dry = Cli.on(target, "cp", "-r", "--dry-run", dir.toString(), "s3://" + bucket.name());
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("(dry run) upload: " + dir.resolve("f.txt") + " to s3://" + bucket.name()
                + "/f.txt");
        assertThat(bucket.keys()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}
