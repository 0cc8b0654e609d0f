package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.MIB;
import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Uploads of streams of unknown length, and demand-driven stream downloads. */
class StreamTransfersTest {

    @S3Test
    void upload_unknownLengthStreams_storeEveryByteInTheRightShape(S3Target target, TestBucket bucket) {
        // sizes around the part size (5 MiB) and threshold (6 MiB), cut by buffers of an odd size
        long[] sizes = {0, 1, PART - 1, PART, PART + 1, 3 * PART + 7, 23 * MIB};
        try (S3TransferEngine engine = Engines.reactor(target)) {
            for (long size : sizes) {
                String key = "stream-" + size;
                target.requestLog().clear();
                UploadResult result = engine.upload(TestData.stream(size, size, 100_003), bucket.name(), key,
                        PutObjectOptions.defaults()).result().block(TIMEOUT);

                // a stream ending within its first part, under the threshold, is one PutObject
                boolean single = size <= PART;
                assertThat(result).isNotNull();
                assertThat(result.size()).isEqualTo(size);
                assertThat(result.parts()).as("parts of %d", size).isEqualTo(single ? 1 : (int) ((size + PART - 1) / PART));
                assertThat(Engines.requests(target, bucket, "PutObject")).hasSize(single ? 1 : 0);
                assertThat(Engines.requests(target, bucket, "UploadPart")).hasSize(single ? 0 : result.parts());
                assertThat(bucket.get(key)).as("stored bytes of %d", size).isEqualTo(TestData.bytes(size, size));
            }
        }
    }

    @S3Test
    void upload_slowStore_requestsTheSourceOnlyAsPartsCanBeSent(S3Target target, TestBucket bucket) {
        // budget 15 MiB with 5 MiB parts: 2 parts in flight and 1 being filled
        TransferSettings settings = Engines.settings(TransferBackend.REACTOR).withMemoryBudget(15 * MIB);
        int chunk = 256 * 1024;
        AtomicLong generated = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        Flux<ByteBuffer> source = TestData.stream(40 * MIB, 7, chunk).doOnNext(b -> generated.addAndGet(b.remaining()));
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            target.faults().add(Fault.onOperation("UploadPart").delay(Duration.ofMillis(300)));
            List<TransferProgress<UploadResult>> progress = engine.upload(source, bucket.name(), "slow",
                            PutObjectOptions.defaults()).progress()
                    .doOnNext(p -> maxAhead.accumulateAndGet(generated.get() - p.bytesTransferred(), Math::max))
                    .collectList().block(TIMEOUT);
            assertThat(progress).isNotNull();
            assertThat(progress.get(progress.size() - 1).result().orElseThrow().parts()).isEqualTo(8);
        }
        // bytes read from the source but not yet stored: at most the parts in flight, the one filling, one buffer
        assertThat(maxAhead.get()).isLessThanOrEqualTo(3 * PART + chunk);
        assertThat(bucket.get("slow")).isEqualTo(TestData.bytes(40 * MIB, 7));
    }

    @S3Test
    void downloadStream_slowSubscriber_readsAheadOnlyTheWindow(S3Target target, TestBucket bucket) {
        bucket.put("big", TestData.bytes(8 * PART, 3));
        // 2 MiB ranges, 2 GETs at once, a range being digested and one being emitted: at most 5 ranges asked for
        TransferSettings settings = Engines.settings(TransferBackend.REACTOR).withMemoryBudget(20 * MIB);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            target.requestLog().clear();
            Flux<ByteBuffer> body = engine.downloadStream(bucket.name(), "big").flatMapMany(s -> s.body());
            AtomicLong received = new AtomicLong();
            StepVerifier.create(body.doOnNext(b -> received.addAndGet(b.remaining())), 0)
                    .thenRequest(1)
                    .expectNextCount(1)
                    .then(() -> FileTransfersTest.sleep(1000))
                    // the subscriber took one buffer: at most 5 of the 20 ranges were asked for
                    .then(() -> assertThat(Engines.requests(target, bucket, "GetObject")).hasSizeLessThanOrEqualTo(5))
                    .thenRequest(Long.MAX_VALUE)
                    .thenConsumeWhile(b -> true)
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(received.get()).isEqualTo(8 * PART);
            // 40 MiB in ranges of 2 MiB, each asked for once
            assertThat(Engines.requests(target, bucket, "GetObject")).hasSize(20);
        }
    }

    @S3Test
    void downloadStream_cancelled_stopsAskingForRanges(S3Target target, TestBucket bucket) {
        bucket.put("big", TestData.bytes(8 * PART, 4));
        TransferSettings settings = Engines.settings(TransferBackend.REACTOR).withMemoryBudget(20 * MIB);
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target), settings)) {
            target.requestLog().clear();
            StepVerifier.create(engine.downloadStream(bucket.name(), "big").flatMapMany(s -> s.body()), 1)
                    .expectNextCount(1)
                    .thenCancel()
                    .verify(TIMEOUT);
            FileTransfersTest.sleep(500);
            assertThat(Engines.requests(target, bucket, "GetObject")).hasSizeLessThanOrEqualTo(5);
        }
    }

    @S3Test
    void downloadStream_emitsTheHeadWithTheBody(S3Target target, TestBucket bucket) {
        bucket.put("small", "hello");
        try (S3TransferEngine engine = Engines.reactor(target)) {
            StepVerifier.create(engine.downloadStream(bucket.name(), "small"))
                    .assertNext(s -> {
                        assertThat(s.head().contentLength()).isEqualTo(5);
                        assertThat(s.head().eTag()).isEqualTo(Engines.md5Hex("hello".getBytes()));
                        StepVerifier.create(s.body().map(b -> {
                            byte[] bytes = new byte[b.remaining()];
                            b.get(bytes);
                            return new String(bytes);
                        })).expectNext("hello").expectComplete().verify(TIMEOUT);
                    })
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }
}
