package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A store (or load balancer) that accepts requests and never answers: downloads fail with a transport error within
 * the configured timeouts (the client's read timeout for HEADs, {@code partIdleTimeout} for ranged GETs) on every
 * download path (the Reactor engine over Netty, and {@code AUTO}, whose ranged GETs go over the CRT HTTP client), and
 * the connections come back: with two connections in the pool, downloads succeed afterwards.
 */
class HangingStoreTest {

    private static final long SIZE = 3 * MIB;
    /** Read timeout 1 s, 2 SDK attempts; part idle timeout 2 s, 2 part attempts: well under this. */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void aStoreThatNeverAnswers_failsHeadsAndRangedGetsWithATransportError_andConnectionsComeBack(
            S3Target target, TestBucket bucket, @TempDir Path dir) {
        byte[] content = TestData.bytes(SIZE, 5);
        TargetClients.client(target).putObject(bucket.name(), "k", UploadBody.ofPublisher(Flux.just(ByteBuffer.wrap(content)), SIZE))
                .block(Engines.TIMEOUT);
        for (TransferBackend backend : new TransferBackend[]{TransferBackend.REACTOR, TransferBackend.AUTO}) {
            try (ReactiveS3Client client = TargetClients.newClient(target, b -> b.readTimeout(Duration.ofSeconds(1))
                    .maxAttempts(2).maxConnections(2));
                 S3TransferEngine engine = S3TransferEngine.create(client,
                         Engines.settings(backend).withMaxPartAttempts(2))) {
                for (String operation : new String[]{"HeadObject", "GetObject"}) {
                    try (Faults.Injected hang = target.faults().add(Fault.onOperation(operation).hang())) {
                        String what = backend + ", " + operation + " never answered";
                        assertFailsInTime(engine.downloadFile(bucket.name(), "k", dir.resolve("f")).result(), what);
                        assertFailsInTime(engine.downloadStream(bucket.name(), "k")
                                .flatMap(s -> s.body().then()), what);
                        assertThat(hang.applied()).as(what).isGreaterThanOrEqualTo(2);
                        assertThat(Files.exists(dir.resolve("f"))).as("no partial file left").isFalse();
                    }
                }
                // the hung exchanges gave their connections back: more downloads than the pool holds succeed
                for (int i = 0; i < 4; i++) {
                    Path out = dir.resolve("ok-" + backend + "-" + i);
                    engine.downloadFile(bucket.name(), "k", out).result().block(WITHIN);
                    assertThat(readAll(out)).as(backend + " download " + i).isEqualTo(content);
                }
            }
        }
    }

    private static void assertFailsInTime(Mono<?> download, String what) {
        long start = System.nanoTime();
        Throwable failure = download.then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
                .block(WITHIN.plusSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure).as(what + ": the download must fail").isInstanceOf(S3TransportException.class);
        assertThat(took).as(what).isLessThan(WITHIN);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
