package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;

/**
 * A synchronous upload source is asked for its next buffers on the engine's own threads, never on a thread of the
 * HTTP client (Netty's or the CRT's event loops, the SDK's response threads), where producing and copying data would
 * hold up every other connection.
 */
class SourceThreadsTest {

    private static final long SIZE = 17 * MIB;   // four parts of 5 MiB

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void upload_aSynchronousSource_isNeverPulledOnAnHttpClientThread(S3Target target, TestBucket bucket) {
        for (TransferBackend backend : new TransferBackend[]{TransferBackend.REACTOR, TransferBackend.AUTO}) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Flux<ByteBuffer> source = Flux.generate(() -> 0L, (offset, sink) -> {
                threads.add(Thread.currentThread().getName());
                if (offset >= SIZE) {
                    sink.complete();
                } else {
                    sink.next(ByteBuffer.wrap(new byte[64 * 1024]));
                }
                return offset + 64 * 1024;
            });
            try (S3TransferEngine engine = Engines.engine(target, backend)) {
                assertThat(engine.upload(source, bucket.name(), "sync-" + backend, PutObjectOptions.defaults())
                        .result().block(TIMEOUT).size()).isEqualTo(SIZE);
            }
            assertThat(threads).as(backend + ": threads that pulled the source").isNotEmpty()
                    .noneMatch(name -> name.contains("EventLoop") || name.contains("nioEventLoop")
                            || name.startsWith("sdk-async-response") || name.contains("AwsEventLoop")
                            || name.toLowerCase(java.util.Locale.ROOT).contains("netty"));
        }
    }
}
