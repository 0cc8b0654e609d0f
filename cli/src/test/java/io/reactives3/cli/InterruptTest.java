package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a multipart upload: the upload is aborted, nothing is left in ListMultipartUploads. */
class InterruptTest {

    private static final int SIZE = 30 * VerbsTest.MIB;

    @S3Test(only = StoreKind.S3PROXY)
    void cancelDuringMultipartUpload_abortsItAndExits130(S3Target target, TestBucket bucket, @TempDir Path dir)
            throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), VerbsTest.bytes(SIZE, 7));
        target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(400)));
        Cli.Rs3Holder holder = new Cli.Rs3Holder();
        List<String> args = new ArrayList<>(Cli.endpointFlags(target));
        args.addAll(List.of("cp", "--part-size", "5MiB", "--multipart-threshold", "5MiB", "--concurrency", "2",
                file.toString(), "s3://" + bucket.name() + "/big.bin"));
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.run(holder,
                args.toArray(String[]::new)));
        awaitUploadParts(target, bucket, 2);
        holder.rs3.cancel();
        Cli.Run result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.code()).as(result.toString()).isEqualTo(Rs3.INTERRUPTED);
        assertThat(result.err()).contains("interrupted");
        assertThat(uploadsLeft(target, bucket)).isZero();
        assertThat(bucket.keys()).doesNotContain("big.bin");
        assertThat(target.requestLog().count(bucket.name(), "CompleteMultipartUpload")).isZero();
    }

    @S3Test(only = StoreKind.S3PROXY)
    void sigintToTheProcess_abortsTheUpload(S3Target target, TestBucket bucket, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), VerbsTest.bytes(SIZE, 8));
        target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(400)));
        List<String> command = Cli.javaCommand(List.of(), Rs3.class);
        command.addAll(Cli.endpointFlags(target));
        command.addAll(List.of("cp", "--part-size", "5MiB", "--multipart-threshold", "5MiB", "--concurrency", "2",
                file.toString(), "s3://" + bucket.name() + "/big.bin"));
        Process rs3 = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            awaitUploadParts(target, bucket, 2);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(rs3.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rs3.waitFor(30, TimeUnit.SECONDS)).as("rs3 ended after SIGINT").isTrue();
        } finally {
            rs3.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(rs3.exitValue()).as(out).isEqualTo(Rs3.INTERRUPTED);
        assertThat(out).contains("rs3: interrupted");
        assertThat(uploadsLeft(target, bucket)).isZero();
        assertThat(bucket.keys()).doesNotContain("big.bin");
    }

    private static void awaitUploadParts(S3Target target, TestBucket bucket, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (target.requestLog().count(bucket.name(), "UploadPart") < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + n + " UploadPart requests");
            }
            VerbsTest.sleep(20);
        }
    }

    /** Unfinished uploads, right away: rs3 returns only once its aborts were answered. */
    private static int uploadsLeft(S3Target target, TestBucket bucket) {
        return target.fixtureClient().listMultipartUploads(b -> b.bucket(bucket.name())).uploads().size();
    }
}
