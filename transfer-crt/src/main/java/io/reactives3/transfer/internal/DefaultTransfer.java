package io.reactives3.transfer.internal;

import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferProgress;
import java.time.Duration;
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
            run.listener(() -> sink.next(run.snapshot(null)));
            Disposable ticker = Flux.interval(progressInterval, progressInterval)
                    .subscribe(tick -> sink.next(run.snapshot(null)));
            Disposable work = Mono.defer(() -> run(run)).subscribe(
                    result -> {
                        ticker.dispose();
                        sink.next(run.snapshot(result));
                        sink.complete();
                    },
                    error -> {
                        ticker.dispose();
                        sink.error(error);
                    });
            sink.onDispose(Disposables.composite(ticker, work));
        }, FluxSink.OverflowStrategy.LATEST);
    }

    private Mono<R> run(TransferRun run) {
        return body.apply(run)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("transfer completed without a result")));
    }
}
