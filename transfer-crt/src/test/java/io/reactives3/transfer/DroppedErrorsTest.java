package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;

/**
 * Transfers cancelled mid-flight many times: whatever fails after the cancel (a write to a closed file, a part's
 * request, a reservation) must not end up in {@link Hooks#onErrorDropped} (Reactor logs each at ERROR).
 */
class DroppedErrorsTest {

    private static final int ROUNDS = 6;
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collectDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterEach
    void resetHook() {
        Hooks.resetOnErrorDropped();
    }

    @S3Test
    void cancelledDownloadsAndUploads_dropNoErrors(S3Target target, TestBucket bucket, @TempDir Path dir) {
        long size = 8 * MIB;
        bucket.put("big", TestData.bytes(size, 11));
        Path source = TestData.file(dir.resolve("source"), size, 12);
        // every body at 4 MiB/s: each transfer is mid-flight for a few seconds
        target.faults().add(Fault.on(head -> true).limitBandwidth(4 * MIB));
        for (TransferBackend backend : List.of(TransferBackend.REACTOR, TransferBackend.CRT)) {
            try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                    Engines.settings(backend))) {
                for (int round = 0; round < ROUNDS; round++) {
                    int i = round;
                    Path destination = dir.resolve("d-" + backend + "-" + i);
                    cancelAfter(() -> engine.downloadFile(bucket.name(), "big", destination).result().subscribe(), i);
                    cancelAfter(() -> engine.downloadStream(bucket.name(), "big")
                            .flatMapMany(stream -> Flux.from(stream.body())).subscribe(), i);
                    if (backend == TransferBackend.REACTOR || target.kind() != io.reactives3.testkit.StoreKind.S3PROXY) {
                        cancelAfter(() -> engine.uploadFile(source, bucket.name(), "up-" + i).result().subscribe(), i);
                    }
                    cancelAfter(() -> engine.upload(TestData.stream(size, i, 64 * 1024), bucket.name(), "s-" + i,
                            PutObjectOptions.defaults()).result().subscribe(), i);
                }
            }
        }
        target.requestLog().awaitIdle(Duration.ofSeconds(10));
        FileTransfersTest.sleep(500); // late failures of cancelled work land after the requests end
        assertThat(dropped).as("errors dropped after cancel").isEmpty();
    }

    /** Starts a transfer and disposes it after 100 to 800 ms (spread over the rounds). */
    private static void cancelAfter(Supplier<Disposable> start, int round) {
        Disposable transfer = start.get();
        FileTransfersTest.sleep(100 + (round * 131L) % 700);
        transfer.dispose();
    }
}
