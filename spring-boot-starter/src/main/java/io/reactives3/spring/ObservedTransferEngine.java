package io.reactives3.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactives3.spring.observation.DefaultS3TransferObservationConvention;
import io.reactives3.spring.observation.S3TransferObservationContext;
import io.reactives3.spring.observation.S3TransferObservationContext.Outcome;
import io.reactives3.spring.observation.S3TransferObservationConvention;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferProgress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An engine that runs each transfer (each subscription to its {@code result()} or {@code progress()}) in a Micrometer
 * {@link Observation} ({@value DefaultS3TransferObservationConvention#NAME} by default), whose parent is the
 * observation in the subscriber's Reactor context; upstream, the context holds the transfer's observation, so the
 * S3 requests the transfer sends through the client are its children. {@code downloadStream} is not observed (its
 * requests are, as the caller's children). Every call goes to the wrapped engine unchanged.
 */
final class ObservedTransferEngine extends DecoratedTransferEngine {

    private static final S3TransferObservationConvention DEFAULT_CONVENTION =
            new DefaultS3TransferObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable S3TransferObservationConvention convention;

    ObservedTransferEngine(S3TransferEngine engine, ObservationRegistry registry,
                           @Nullable S3TransferObservationConvention convention) {
        super(engine);
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    <R> Transfer<R> decorate(String kind, String bucket, @Nullable String key, Transfer<R> transfer) {
        return new Transfer<>() {
            @Override
            public Mono<R> result() {
                return Mono.deferContextual(context -> {
                    Run run = new Run(kind, bucket, key, context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
                    return transfer.result()
                            .doOnSuccess(r -> run.stop(Outcome.SUCCESS, null))
                            .doOnError(e -> run.stop(Outcome.ERROR, e))
                            .doOnCancel(() -> run.stop(Outcome.CANCELLED, null))
                            .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, run.observation));
                });
            }

            @Override
            public Flux<TransferProgress<R>> progress() {
                return Flux.deferContextual(context -> {
                    Run run = new Run(kind, bucket, key, context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
                    return transfer.progress()
                            .doOnComplete(() -> run.stop(Outcome.SUCCESS, null))
                            .doOnError(e -> run.stop(Outcome.ERROR, e))
                            .doOnCancel(() -> run.stop(Outcome.CANCELLED, null))
                            .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, run.observation));
                });
            }
        };
    }

    /** One observed run: started on construction, stopped by its first terminal signal or cancel. */
    private final class Run {
        private final S3TransferObservationContext context;
        private final Observation observation;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Run(String kind, String bucket, @Nullable String key, @Nullable Observation parent) {
            this.context = new S3TransferObservationContext(kind, bucket, key);
            this.observation = Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context, registry)
                    .parentObservation(parent).start();
        }

        void stop(Outcome outcome, @Nullable Throwable error) {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            context.setOutcome(outcome);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "Observed" + delegate();
    }
}
