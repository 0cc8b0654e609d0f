package io.reactives3.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;

/** A command about to exit releases the CRT's process-wide defaults, so their threads end before the exit. */
class CrtDefaultsTest {

    @S3Test(only = StoreKind.S3PROXY)
    void releaseIfUsed_afterADownloadOverTheCrt_endsTheCrtEventLoopThreads(S3Target target, TestBucket bucket,
                                                                           @TempDir Path dir) throws IOException {
        byte[] data = VerbsTest.bytes(20 * VerbsTest.MIB, 7);
        bucket.put("big.bin", data);
        Path file = dir.resolve("big.bin");
        // above one part (8 MiB): ranged GETs, which go over the CRT HTTP client by default
        Cli.Run down = Cli.on(target, "cp", "s3://" + bucket.name() + "/big.bin", file.toString());
        assertThat(down.code()).as(down.toString()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        List<Thread> crtThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("AwsEventLoop")).toList();
        assertThat(crtThreads).as("the download used the CRT").isNotEmpty();

        assertThat(CrtDefaults.releaseIfUsed()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (crtThreads.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(crtThreads).as("the CRT's event-loop threads once released").noneMatch(Thread::isAlive);
    }
}
