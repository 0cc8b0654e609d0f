package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

/** The engine builds its CRT clients on first use only, and only for the transfers that use them. */
class LazyCrtClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long MIB = 1024 * 1024;

    private static TransferSettings settings(TransferBackend backend) {
        return TransferSettings.defaults().withPartSize(5 * MIB).withMultipartThreshold(6 * MIB)
                .withMemoryBudget(MemoryBudget.ofBytes(1024 * MIB)).withBackend(backend);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @S3Test
    void auto_smallTransfersNeverBuildACrtClient_aDownloadOfSeveralRangesBuildsTheRangedOne(S3Target target,
                                                                                          TestBucket bucket,
                                                                                          @TempDir Path dir)
            throws Exception {
        ReactiveS3Client client = TargetClients.client(target);
        byte[] small = bytes(1024, 1);
        byte[] large = bytes((int) (11 * MIB), 2);
        bucket.put("large", large);
        Path smallFile = Files.write(dir.resolve("small"), small);
        DefaultTransferEngine engine = (DefaultTransferEngine) DefaultTransferEngine.create(client,
                settings(TransferBackend.AUTO));
        try {
            assertThat(engine.holdsCrtClient()).isFalse();
            engine.uploadFile(smallFile, bucket.name(), "small").result().block(TIMEOUT);
            target.requestLog().clear();
            engine.downloadFile(bucket.name(), "small", dir.resolve("small-out")).result().block(TIMEOUT);
            assertThat(dir.resolve("small-out")).hasBinaryContent(small);
            // one range: the GET went over the engine's own (Netty) client, and no CRT client exists
            assertThat(agents(target, bucket)).containsOnly("NettyNio");
            if (engine.uploadBackend() == TransferBackend.REACTOR) {
                assertThat(engine.holdsCrtClient()).isFalse();
            }
            target.requestLog().clear();
            engine.downloadFile(bucket.name(), "large", dir.resolve("large-out")).result().block(TIMEOUT);
            assertThat(dir.resolve("large-out")).hasBinaryContent(large);
            assertThat(agents(target, bucket)).containsOnly("AwsCommonRuntime");
            assertThat(engine.holdsCrtClient()).isTrue();
        } finally {
            engine.close();
        }
        assertThat(engine.holdsCrtClient()).isFalse();
    }

    @S3Test
    void crt_theCrtS3ClientIsBuiltByTheFirstFileTransfer_closeWithoutTransfersBuildsNothing(S3Target target,
                                                                                          TestBucket bucket,
                                                                                          @TempDir Path dir)
            throws Exception {
        ReactiveS3Client client = TargetClients.client(target);
        DefaultTransferEngine unused = (DefaultTransferEngine) DefaultTransferEngine.create(client,
                settings(TransferBackend.CRT));
        assertThat(unused.uploadBackend()).isEqualTo(TransferBackend.CRT);
        unused.close();
        assertThat(unused.holdsCrtClient()).isFalse();

        byte[] content = bytes(4096, 3);
        Path file = Files.write(dir.resolve("f"), content);
        DefaultTransferEngine engine = (DefaultTransferEngine) DefaultTransferEngine.create(client,
                settings(TransferBackend.CRT));
        try {
            assertThat(engine.holdsCrtClient()).isFalse();
            assertThat(engine.uploadFile(file, bucket.name(), "f").result().block(TIMEOUT).backend())
                    .isEqualTo(TransferBackend.CRT);
            assertThat(engine.holdsCrtClient()).isTrue();
            assertThat(bucket.get("f")).isEqualTo(content);
        } finally {
            engine.close();
        }
        assertThat(engine.holdsCrtClient()).isFalse();
    }

    private static List<String> agents(S3Target target, TestBucket bucket) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        return target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("GetObject"))
                .map(RecordedRequest::head)
                .map(h -> h.header("user-agent").orElse(""))
                .map(agent -> agent.contains("AwsCommonRuntime") ? "AwsCommonRuntime"
                        : agent.contains("NettyNio") ? "NettyNio" : agent)
                .toList();
    }
}
