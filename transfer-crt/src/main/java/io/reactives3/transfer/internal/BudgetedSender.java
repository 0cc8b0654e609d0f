package io.reactives3.transfer.internal;

import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Sends the parts of a {@link Chunker} stream, asking for the next part only when the memory it will take fits the
 * budget. The chunker hands part {@code n} out when the first byte of part {@code n + 1} arrives, so asking for one
 * more part means: part {@code n + 1} joins the parts in flight, and part {@code n + 2} starts filling. It is asked
 * for when nothing is in flight (progress is always possible), or when fewer than {@code concurrency} parts are in
 * flight and {@code bytes in flight + size(n + 1) + size(n + 2) <= budget}. The sizes come from the part numbers,
 * so the rule holds while parts grow. Results are emitted as parts complete (a few small records: buffered); the
 * first failure cancels the source and every part in flight.
 */
final class BudgetedSender {

    private BudgetedSender() {
    }

    static <R> Flux<R> send(Flux<Chunker.Chunk> chunks, IntToLongFunction partSize, long budget, int concurrency,
                            Function<Chunker.Chunk, Mono<R>> send) {
        return Flux.create(sink -> {
            Gate<R> gate = new Gate<>(sink, partSize, budget, concurrency, send);
            sink.onDispose(gate::stop);
            chunks.subscribe(gate);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private static final class Gate<R> extends BaseSubscriber<Chunker.Chunk> {

        private final FluxSink<R> sink;
        private final IntToLongFunction partSize;
        private final long budget;
        private final int concurrency;
        private final Function<Chunker.Chunk, Mono<R>> send;
        private final Disposable.Composite sending = Disposables.composite();
        private int inFlight;
        private long inFlightBytes;
        private int lastPart;
        private boolean asked;
        private boolean sourceDone;
        private boolean stopped;

        Gate(FluxSink<R> sink, IntToLongFunction partSize, long budget, int concurrency,
             Function<Chunker.Chunk, Mono<R>> send) {
            this.sink = sink;
            this.partSize = partSize;
            this.budget = budget;
            this.concurrency = concurrency;
            this.send = send;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            synchronized (this) {
                asked = true;
            }
            request(1);
        }

        @Override
        protected void hookOnNext(Chunker.Chunk chunk) {
            long size = chunk.bytes().length;
            synchronized (this) {
                asked = false;
                inFlight++;
                inFlightBytes += size;
                lastPart = chunk.partNumber();
            }
            Disposable part = send.apply(chunk).subscribe(sink::next, this::fail, () -> {
                synchronized (this) {
                    inFlight--;
                    inFlightBytes -= size;
                }
                drain();
            });
            sending.add(part);
            drain();
        }

        @Override
        protected void hookOnComplete() {
            synchronized (this) {
                sourceDone = true;
            }
            drain();
        }

        @Override
        protected void hookOnError(Throwable error) {
            fail(error);
        }

        private void drain() {
            boolean ask = false;
            boolean complete = false;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                if (sourceDone) {
                    complete = inFlight == 0;
                    stopped = complete;
                } else if (!asked && fits()) {
                    asked = true;
                    ask = true;
                }
            }
            if (complete) {
                sink.complete();
            } else if (ask) {
                request(1);
            }
        }

        private boolean fits() {
            if (inFlight == 0) {
                return true;
            }
            return inFlight < concurrency
                    && inFlightBytes + partSize.applyAsLong(lastPart + 1) + partSize.applyAsLong(lastPart + 2) <= budget;
        }

        private void fail(Throwable error) {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
            }
            stop();
            sink.error(error);
        }

        void stop() {
            cancel();
            sending.dispose();
        }
    }
}
