package io.reactives3.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactives3.core.OperationDecorator;
import io.reactives3.core.ReactiveS3ClientBuilder;
import io.reactives3.core.S3Operation;
import io.reactives3.core.error.StoreError;
import io.reactives3.spring.observation.S3OperationObservationContext.Outcome;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs each S3 request of a client in a Micrometer {@link Observation} ({@value DefaultS3OperationObservationConvention#NAME}
 * by default, see {@link DefaultS3OperationObservationConvention} for its key values), whose parent is the
 * observation in the subscriber's Reactor {@code Context} under {@link ObservationThreadLocalAccessor#KEY} (where
 * Spring WebFlux puts the server request's observation, and Reactor's {@code Micrometer.observation} tap its own): a
 * WebFlux request's trace then holds its S3 requests as child spans. Without one the observation is a root.
 *
 * <p>The observation starts when the request's {@code Mono} is subscribed to (each subscription, so each retry by
 * resubscription, is one observation) and stops before its result, error or completion is passed on, or on cancel
 * (outcome {@code CANCELLED}). Upstream of it, the context holds the new observation under the same key. Nothing
 * here blocks; an {@link ObservationRegistry#NOOP} registry costs one context lookup per request.
 *
 * <p>Register it with {@link ReactiveS3ClientBuilder#addOperationDecorator}; the Spring Boot starter does so for the
 * auto-configured client when an {@code ObservationRegistry} bean exists.
 */
public final class ReactiveS3Observations implements OperationDecorator {

    private static final S3OperationObservationConvention DEFAULT_CONVENTION =
            new DefaultS3OperationObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable S3OperationObservationConvention convention;

    /** Observations in {@code registry}, named and tagged by {@link DefaultS3OperationObservationConvention}. */
    public ReactiveS3Observations(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * Observations in {@code registry}, named and tagged by {@code convention}; {@code null} means the default
     * convention (or a global one the registry's configuration supplies).
     */
    public ReactiveS3Observations(ObservationRegistry registry, @Nullable S3OperationObservationConvention convention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
    }

    @Override
    public <T> Mono<T> decorate(S3Operation operation, Mono<T> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        return Mono.deferContextual(context -> {
            if (registry.isNoop()) {
                return call;
            }
            Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            S3OperationObservationContext observed = new S3OperationObservationContext(operation);
            Observation observation = Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> observed,
                    registry).parentObservation(parent).start();
            AtomicBoolean stopped = new AtomicBoolean();
            return call
                    .doOnSuccess(value -> stop(observation, observed, stopped, Outcome.SUCCESS, null))
                    .doOnError(error -> stop(observation, observed, stopped, outcome(error), error))
                    .doOnCancel(() -> stop(observation, observed, stopped, Outcome.CANCELLED, null))
                    .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    private static void stop(Observation observation, S3OperationObservationContext context, AtomicBoolean stopped,
                             Outcome outcome, @Nullable Throwable error) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        context.setOutcome(outcome);
        if (error != null) {
            observation.error(error);
        }
        observation.stop();
    }

    private static Outcome outcome(Throwable error) {
        int status = error instanceof StoreError store ? store.statusCode() : 0;
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status >= 400) {
            return Outcome.CLIENT_ERROR;
        }
        if (status >= 300) {
            return Outcome.REDIRECTION;
        }
        return Outcome.UNKNOWN;
    }

    @Override
    public String toString() {
        return "ReactiveS3Observations[" + registry.getClass().getSimpleName() + "]";
    }
}
