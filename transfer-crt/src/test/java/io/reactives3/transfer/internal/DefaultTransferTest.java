package io.reactives3.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.transfer.TransferProgress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class DefaultTransferTest {

    private static final int PARTS = 4_000;

    /** Three parts of 10 bytes, 30 ms apart. */
    private static Mono<String> threeParts(TransferRun run) {
        run.plan(30, 3);
        return Flux.range(1, 3)
                .concatMap(n -> Mono.delay(Duration.ofMillis(30)).doOnNext(t -> {
                    run.bytes(10);
                    run.partDone();
                }))
                .then(Mono.fromSupplier(() -> {
                    run.itemsDone(1);
                    return "done";
                }));
    }

    @Test
    void result_isColdAndRunsOncePerSubscription() {
        AtomicInteger runs = new AtomicInteger();
        DefaultTransfer<String> transfer = DefaultTransfer.single(run -> {
            runs.incrementAndGet();
            return threeParts(run);
        }, Duration.ofSeconds(1));
        assertThat(runs).hasValue(0);
        StepVerifier.create(transfer.result()).expectNext("done").expectComplete().verify(Duration.ofSeconds(5));
        StepVerifier.create(transfer.result()).expectNext("done").expectComplete().verify(Duration.ofSeconds(5));
        assertThat(runs).hasValue(2);
    }

    @Test
    void progress_snapshotPerPartThenFinalWithResult() {
        DefaultTransfer<String> transfer = DefaultTransfer.single(DefaultTransferTest::threeParts,
                Duration.ofSeconds(10));
        List<TransferProgress<String>> snapshots = transfer.progress().collectList().block(Duration.ofSeconds(5));
        assertThat(snapshots).isNotNull();
        TransferProgress<String> last = snapshots.get(snapshots.size() - 1);
        assertThat(last.result()).contains("done");
        assertThat(last.done()).isTrue();
        assertThat(last.bytesTransferred()).isEqualTo(30);
        assertThat(last.totalBytes()).isEqualTo(30);
        assertThat(last.partsCompleted()).isEqualTo(3);
        assertThat(last.partsTotal()).isEqualTo(3);
        assertThat(last.itemsCompleted()).isEqualTo(1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(snapshots.subList(0, snapshots.size() - 1)).noneMatch(TransferProgress::done);
        // one per completed part (3) and the item (1), before the final one
        assertThat(snapshots).extracting(TransferProgress::bytesTransferred).contains(10L, 20L, 30L);
        assertThat(snapshots).extracting(TransferProgress::bytesTransferred).isSorted();
    }

    @Test
    void progress_slowParts_tickAtTheInterval() {
        DefaultTransfer<String> transfer = DefaultTransfer.single(run -> {
            run.plan(1, 1);
            return Mono.delay(Duration.ofMillis(300)).thenReturn("x");
        }, Duration.ofMillis(50));
        List<TransferProgress<String>> snapshots = transfer.progress().collectList().block(Duration.ofSeconds(5));
        assertThat(snapshots).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void progress_cancel_cancelsTheWork() {
        AtomicBoolean cancelled = new AtomicBoolean();
        DefaultTransfer<String> transfer = DefaultTransfer.single(run -> Mono.<String>never()
                .doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(10));
        StepVerifier.create(transfer.progress()).expectNextCount(2).thenCancel().verify(Duration.ofSeconds(5));
        assertThat(cancelled).isTrue();
    }

    @Test
    void progress_error_arrivesAfterTheSnapshots() {
        DefaultTransfer<String> transfer = DefaultTransfer.single(run -> Mono.error(new IllegalStateException("boom")),
                Duration.ofSeconds(1));
        StepVerifier.create(transfer.progress()).expectErrorMessage("boom").verify(Duration.ofSeconds(5));
    }

    @Test
    void progress_jobTotalsUnknownUntilTheListingEndsAndItemsArePlanned() {
        TransferRun run = new TransferRun();
        run.expect(2);
        run.plan(100, 2);
        assertThat(run.snapshot(null).totalBytes()).isNull();
        assertThat(run.snapshot(null).itemsTotal()).isNull();
        run.closeExpectation();
        assertThat(run.snapshot(null).totalBytes()).isNull();
        assertThat(run.snapshot(null).itemsTotal()).isEqualTo(2);
        run.plan(50, 1);
        assertThat(run.snapshot(null).totalBytes()).isEqualTo(150);
        assertThat(run.snapshot(null).partsTotal()).isEqualTo(3);
    }

    @Test
    void progress_backpressure_keepsTheLatestAndTheFinal() {
        DefaultTransfer<String> transfer = DefaultTransfer.single(DefaultTransferTest::threeParts,
                Duration.ofMillis(1));
        StepVerifier.create(transfer.progress(), 0)
                .thenAwait(Duration.ofMillis(300))
                .thenRequest(Long.MAX_VALUE)
                .expectNextMatches(p -> p.done() && p.result().equals("done"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    /** Parts completing on 4 threads at once, 20 times: snapshots must come out in the order they were taken. */
    @Test
    void progress_partsCompletingOnManyThreads_neverGoBackwards_andEndWithTheResult() {
        DefaultTransfer<String> transfer = DefaultTransfer.single(run -> {
            run.plan(PARTS, PARTS);
            return Flux.range(0, PARTS)
                    .parallel(4).runOn(Schedulers.parallel())
                    .doOnNext(part -> {
                        run.bytes(1);
                        run.partDone();
                    })
                    .sequential().then(Mono.just("done"));
        }, Duration.ofMillis(1));

        for (int attempt = 0; attempt < 20; attempt++) {
            List<TransferProgress<String>> snapshots = transfer.progress().collectList().block(Duration.ofSeconds(30));
            assertThat(snapshots).extracting(TransferProgress::partsCompleted).isSorted();
            assertThat(snapshots).extracting(TransferProgress::bytesTransferred).isSorted();
            TransferProgress<String> last = snapshots.get(snapshots.size() - 1);
            assertThat(last.result()).contains("done");
            assertThat(last.partsCompleted()).isEqualTo(PARTS);
            assertThat(snapshots.subList(0, snapshots.size() - 1)).noneMatch(TransferProgress::done);
        }
    }
}
