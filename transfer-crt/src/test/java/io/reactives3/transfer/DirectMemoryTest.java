package io.reactives3.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large transfers under a 64 MiB direct-memory cap with Netty's leak detector at {@code paranoid}:
 * {@link LargeTransfers} runs in a JVM of its own (the S3 server stays in this one, so its buffers do not count),
 * its log captured. Nothing may leak ({@code LEAK:} reports of the detector) and direct memory must never run out
 * ({@code OutOfDirectMemoryError}, or {@code OutOfMemoryError: Direct buffer memory}).
 */
@Tag("direct-memory")
class DirectMemoryTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void largeTransfers_64MiBDirectMemoryAndParanoidLeakDetection_noLeakAndNoOutOfDirectMemory(
            S3Target target, TestBucket bucket, @TempDir Path dir) throws IOException, InterruptedException {
        Path output = dir.resolve("large-transfers.log");
        ProcessBuilder child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxDirectMemorySize=64m", "-Dio.netty.leakDetection.level=paranoid",
                "-Dio.netty.leakDetection.targetRecords=4", "-Xmx256m",
                "-XX:+AllowRedefinitionToAddDeleteMethods",
                "-cp", System.getProperty("java.class.path"),
                LargeTransfers.class.getName(),
                target.endpoint().toString(), target.region().id(), TargetClients.profileOf(target).name(),
                bucket.name(), dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        child.environment().put("S3_ACCESS_KEY", target.accessKey());
        child.environment().put("S3_SECRET_KEY", target.secretKey());
        Process process = child.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[" + target.name() + "] " + log.lines()
                .filter(l -> l.startsWith("LARGE-TRANSFERS") || l.contains("LEAK") || l.contains("Error"))
                .limit(40).reduce("", (a, b) -> a + b + "\n"));
        assertThat(ended).as("the transfers ended within 5 minutes").isTrue();
        assertThat(log).doesNotContain("LEAK:").doesNotContain("OutOfDirectMemoryError")
                .doesNotContain("Direct buffer memory");
        assertThat(process.exitValue()).as("exit status; output:\n" + log).isZero();
        assertThat(log).contains("LARGE-TRANSFERS OK");
    }
}
