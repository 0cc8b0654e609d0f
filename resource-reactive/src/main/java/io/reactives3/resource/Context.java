package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.transfer.S3TransferEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every resource works with: the client its requests go through, and the transfer engine behind managed
 * transfers. Resources depend on this, not on the service resource that made them, so that dependencies run one way:
 * {@link ReactiveS3} makes resources, resources use the client.
 *
 * <p>The engine is looked up each time an action needs it, so a closed service resource refuses managed transfers
 * from then on (with the {@link IllegalStateException} its {@code engine()} throws).
 */
final class Context {

    /** How long waiters wait when no timeout is given; published as {@link ReactiveS3#DEFAULT_WAIT_TIMEOUT}. */
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(100);

    private final ReactiveS3Client client;
    private final Supplier<S3TransferEngine> engine;

    Context(ReactiveS3Client client, Supplier<S3TransferEngine> engine) {
        this.client = Objects.requireNonNull(client, "client");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    ReactiveS3Client client() {
        return client;
    }

    S3TransferEngine engine() {
        return engine.get();
    }
}
