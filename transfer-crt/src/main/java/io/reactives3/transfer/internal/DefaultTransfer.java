package io.reactives3.transfer.internal;

import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * A cold {@link Transfer}: each subscription to {@link #result()} or {@link #progress()} runs {@code body} with a
 * fresh {@link TransferRun}.
 */
final class DefaultTransfer<R> implements Transfer<R> {

    private final Supplier<TransferRun> runs;
    private final Function<TransferRun, Mono<R>> body;
    private final Duration progressInterval;

    DefaultTransfer(Supplier<TransferRun> runs, Function<TransferRun, Mono<R>> body, Duration progressInterval) {
        this.runs = runs;
        this.body = body;
        this.progressInterval = progressInterval;
    }

    /** A transfer of one item. */
    static <R> DefaultTransfer<R> single(Function<TransferRun, Mono<R>> body, Duration progressInterval) {
        return new DefaultTransfer<>(TransferRun::single, body, progressInterval);
    }

    /** A job of many items (directories, batch deletes): items are expected as they are listed. */
    static <R> DefaultTransfer<R> job(Function<TransferRun, Mono<R>> body, Duration progressInterval) {
        return new DefaultTransfer<>(TransferRun::new, body, progressInterval);
    }

    @Override
    public Mono<R> result() {
        return Mono.defer(() -> run(runs.get()));
    }

    @Override
    public Flux<TransferProgress<R>> progress() {
        return Flux.create(sink -> {
            TransferRun run = runs.get();
            ProgressEmitter<R> emitter = new ProgressEmitter<>(sink, run);
            run.listener(emitter::changed);
            Disposable ticker = Flux.interval(progressInterval, progressInterval)
                    .subscribe(tick -> emitter.changed());
            Disposable work = Mono.defer(() -> run(run)).subscribe(
                    result -> {
                        ticker.dispose();
                        emitter.complete(result);
                    },
                    error -> {
                        ticker.dispose();
                        sink.error(error);
                    });
            sink.onDispose(Disposables.composite(ticker, work));
        }, FluxSink.OverflowStrategy.LATEST);
    }

    /**
     * Emits snapshots in the order they were taken, whatever thread reports a change: one thread at a time takes a
     * snapshot and emits it (a change reported meanwhile makes it take one more), so counters never go backwards
     * between two snapshots. The final snapshot carries the result and completes the flux.
     */
    private static final class ProgressEmitter<R> {
        private final FluxSink<TransferProgress<R>> sink;
        private final TransferRun run;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile R result;
        private boolean completed;

        ProgressEmitter(FluxSink<TransferProgress<R>> sink, TransferRun run) {
            this.sink = sink;
            this.run = run;
        }

        void changed() {
            drain();
        }

        void complete(R result) {
            this.result = result;
            drain();
        }

        private void drain() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            do {
                if (!completed) {
                    R finalResult = result;
                    sink.next(run.snapshot(finalResult));
                    if (finalResult != null) {
                        completed = true;
                        sink.complete();
                    }
                }
            } while (pending.decrementAndGet() != 0);
        }
    }

    private Mono<R> run(TransferRun run) {
        return body.apply(run)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("transfer completed without a result")));
    }
}
