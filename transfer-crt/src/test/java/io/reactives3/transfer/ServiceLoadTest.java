package io.reactives3.transfer;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A service's load in a small heap: {@link ServiceLoad} runs in a JVM of its own with {@code -Xmx128m} (so the
 * engine's default memory budget is 32 MiB), against the target's server, which stays in this JVM so that its
 * memory is not counted as the service's. The child exits 0 only when every transfer completed with every byte
 * checked, the budget was kept and given back and the live heap came back near its baseline; an
 * {@link OutOfMemoryError} ends it at once ({@code -XX:+ExitOnOutOfMemoryError}).
 */
@Tag("service-load")
class ServiceLoadTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void uploadsSlowStreamsAndFileDownloadsAtOnce_inA128MiBHeap_allCompleteWithEveryByteAndMemoryGivenBack(
            S3Target target, TestBucket bucket, @TempDir Path dir) throws IOException, InterruptedException {
        Path output = dir.resolve("service-load.log");
        ProcessBuilder child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-XX:+AllowRedefinitionToAddDeleteMethods",
                "-cp", System.getProperty("java.class.path"),
                ServiceLoad.class.getName(),
                target.endpoint().toString(), target.region().id(), TargetClients.profileOf(target).name(),
                bucket.name(), Files.createDirectory(dir.resolve("downloads")).toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        child.environment().put("S3_ACCESS_KEY", target.accessKey());
        child.environment().put("S3_SECRET_KEY", target.secretKey());
        Process process = child.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[" + target.name() + "] " + log.lines()
                .filter(l -> l.startsWith("SERVICE-LOAD") || l.contains("Exception") || l.contains("Error"))
                .limit(40).reduce("", (a, b) -> a + b + "\n"));
        assertThat(ended).as("the load ended within 10 minutes").isTrue();
        assertThat(process.exitValue()).as("exit status of the load; its output:\n" + log).isZero();
        assertThat(log).contains("SERVICE-LOAD OK " + ServiceLoad.UPLOADS + " uploads");
    }
}
