package io.reactives3.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferProgress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * An engine that times each transfer it runs ({@value ReactiveS3Metrics#TRANSFERS}, by {@code kind} and
 * {@code outcome}) and counts those running ({@value ReactiveS3Metrics#TRANSFERS_ACTIVE}, by {@code kind}); every
 * call goes to the wrapped engine unchanged. A transfer counts from subscription to its terminal signal or cancel;
 * a download stream from the subscription to its body until the body ends.
 */
final class MeteredTransferEngine extends DecoratedTransferEngine {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

    MeteredTransferEngine(S3TransferEngine engine, MeterRegistry registry) {
        super(engine);
        this.registry = registry;
    }

    private AtomicInteger active(String kind) {
        return active.computeIfAbsent(kind, k -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(ReactiveS3Metrics.TRANSFERS_ACTIVE, count, AtomicInteger::get).tag("kind", k)
                    .description("Transfers running").register(registry);
            return count;
        });
    }

    private <R> Transfer<R> metered(String kind, Transfer<R> transfer) {
        return new Transfer<>() {
            @Override
            public Mono<R> result() {
                return Mono.defer(() -> {
                    Tracker t = new Tracker(kind);
                    return t.around(transfer.result());
                });
            }

            @Override
            public Flux<TransferProgress<R>> progress() {
                return Flux.defer(() -> {
                    Tracker t = new Tracker(kind);
                    return t.around(transfer.progress());
                });
            }
        };
    }

    /** One running transfer: counted from construction until its first terminal signal or cancel (whichever first). */
    private final class Tracker {
        private final String kind;
        private final AtomicInteger count;
        private final Timer.Sample sample;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Tracker(String kind) {
            this.kind = kind;
            this.count = active(kind);
            count.incrementAndGet();
            this.sample = Timer.start(registry);
        }

        /** {@code mono}, ended before its subscriber sees the outcome (so the gauge is down when it does). */
        <T> Mono<T> around(Mono<T> mono) {
            return mono.doOnSuccess(v -> end(SignalType.ON_COMPLETE)).doOnError(e -> end(SignalType.ON_ERROR))
                    .doOnCancel(() -> end(SignalType.CANCEL));
        }

        /** {@code flux}, ended before its subscriber sees the outcome (so the gauge is down when it does). */
        <T> Flux<T> around(Flux<T> flux) {
            return flux.doOnComplete(() -> end(SignalType.ON_COMPLETE)).doOnError(e -> end(SignalType.ON_ERROR))
                    .doOnCancel(() -> end(SignalType.CANCEL));
        }

        void end(SignalType signal) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            count.decrementAndGet();
            String outcome = signal == SignalType.ON_COMPLETE ? "SUCCESS"
                    : signal == SignalType.ON_ERROR ? "ERROR" : "CANCELLED";
            sample.stop(Timer.builder(ReactiveS3Metrics.TRANSFERS).description("Transfers run")
                    .tags("kind", kind, "outcome", outcome).register(registry));
        }
    }

    @Override
    <R> Transfer<R> decorate(String kind, String bucket, @Nullable String key, Transfer<R> transfer) {
        return metered(kind, transfer);
    }

    @Override
    public Mono<ObjectStream> downloadStream(String bucket, String key) {
        return delegate().downloadStream(bucket, key).map(stream -> new ObjectStream(stream.head(),
                Flux.defer(() -> {
                    Tracker t = new Tracker("download-stream");
                    return t.around(stream.body());
                })));
    }

    @Override
    public String toString() {
        return "Metered" + delegate();
    }
}
