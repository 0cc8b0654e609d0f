package io.reactives3.resource.internal;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.resource.ReactiveS3;
import io.reactives3.transfer.S3TransferEngine;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service resource: owns (or borrows) the client and transfer engine every resource of one {@link ReactiveS3}
 * works with. The resource factories are the interface's default methods.
 */
public final class DefaultReactiveS3 implements ReactiveS3 {

    private final ReactiveS3Client client;
    private final S3TransferEngine engine;
    private final boolean ownsEngine;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DefaultReactiveS3(ReactiveS3Client client, S3TransferEngine engine, boolean ownsEngine) {
        this.client = client;
        this.engine = engine;
        this.ownsEngine = ownsEngine;
    }

    /** A service resource owning a default engine over {@code client}. */
    public static ReactiveS3 create(ReactiveS3Client client) {
        Objects.requireNonNull(client, "client must not be null");
        return new DefaultReactiveS3(client, S3TransferEngine.create(client), true);
    }

    /** A service resource using the caller's {@code engine}, which the caller keeps owning. */
    public static ReactiveS3 create(ReactiveS3Client client, S3TransferEngine engine) {
        Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(engine, "engine must not be null");
        return new DefaultReactiveS3(client, engine, false);
    }

    @Override
    public ReactiveS3Client client() {
        return client;
    }

    @Override
    public S3TransferEngine engine() {
        if (closed.get() && ownsEngine) {
            throw new IllegalStateException("this ReactiveS3 is closed: its transfer engine is gone");
        }
        return engine;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsEngine) {
            engine.close();
        }
    }

    @Override
    public String toString() {
        return "ReactiveS3[" + (client.settings().endpoint() == null ? "AWS" : client.settings().endpoint()) + "]";
    }
}
