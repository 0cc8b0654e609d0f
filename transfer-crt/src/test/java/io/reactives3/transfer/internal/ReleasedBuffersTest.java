package io.reactives3.transfer.internal;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import reactor.core.publisher.Flux;

/**
 * Nothing a stream upload allocated stays reachable once the uploads ended, with the engine and the client (and its
 * pooled connections, which may keep their last request) still open: every part buffer is collectable, and every
 * byte of the budget is given back.
 */
@Tag("bounded-memory")   // its own JVM with a 128 MiB heap (see the pom)
class ReleasedBuffersTest {

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void upload_afterUploadsEnd_noPartBufferIsReachable(S3Target target, TestBucket bucket) throws Exception {
        List<WeakReference<ByteBuffer>> allocated = new CopyOnWriteArrayList<>();
        PartAssembler.allocationWatch = buffer -> allocated.add(new WeakReference<>(buffer));
        MemoryBudget budget = MemoryBudget.ofBytes(64L << 20);
        ReactiveS3Client client = TargetClients.client(target);
        TransferSettings settings = TransferSettings.defaults().withBackend(TransferBackend.REACTOR)
                .withPartSize(5L << 20).withMultipartThreshold(5L << 20).withMemoryBudget(budget);
        try (S3TransferEngine engine = S3TransferEngine.create(client, settings)) {
            // 24 uploads, small and multipart, 6 at a time
            Flux.range(0, 24)
                    .flatMap(i -> engine.upload(data(i % 2 == 0 ? 12L << 20 : 300_000), bucket.name(), "released/" + i,
                            PutObjectOptions.defaults()).result(), 6)
                    .blockLast(Duration.ofMinutes(3));
            assertThat(allocated).isNotEmpty();
            assertThat(budget.inUse()).isZero();
            long reachable = allocated.size();
            for (int attempt = 0; attempt < 20 && reachable > 0; attempt++) {
                System.gc();
                Thread.sleep(50);
                reachable = allocated.stream().filter(r -> r.get() != null).count();
            }
            assertThat(reachable).as("part buffers still reachable of " + allocated.size()).isZero();
        } finally {
            PartAssembler.allocationWatch = buffer -> { };
        }
    }

    private static Flux<ByteBuffer> data(long size) {
        return Flux.range(0, (int) ((size + 65_535) / 65_536))
                .map(i -> ByteBuffer.allocate((int) Math.min(65_536, size - i * 65_536L)));
    }
}
